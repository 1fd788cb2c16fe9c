package io.github.idempotentmigrations.actuate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.github.idempotentmigrations.actuate.SchemaStatus.State;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.flyway.CredentialMasker;
import io.github.idempotentmigrations.flyway.ExpectedSchemaDrift;
import io.github.idempotentmigrations.flyway.FlywaySession;
import io.github.idempotentmigrations.flyway.MigrationDatabase;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.flyway.QuietFlyway;
import io.github.idempotentmigrations.shadow.Drift;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.jspecify.annotations.Nullable;

/**
 * Re-checks the live database: Flyway's history against the migrations on the classpath,
 * and the catalog against the expected schema stored beside the history for the applied
 * migrations (missing, different and extra objects). A result is reused for the cache
 * time, so health probes and metric scrapes cost one check per period at most.
 */
public final class LiveSchemaCheck {

	private final Flyway flyway;

	private final MigrationReportStore reports;

	private final Duration cacheTime;

	private final Clock clock;

	private @Nullable SchemaStatus cached;

	private @Nullable Boolean postgreSql;

	public LiveSchemaCheck(Flyway flyway, MigrationReportStore reports, Duration cacheTime, Clock clock) {
		this.flyway = flyway;
		this.reports = reports;
		this.cacheTime = cacheTime;
		this.clock = clock;
	}

	/** The status, checked now unless the last check is younger than the cache time. */
	public synchronized SchemaStatus status() {
		Instant now = this.clock.instant();
		if (this.cached == null || !now.isBefore(this.cached.checkedAt().plus(this.cacheTime))) {
			this.cached = check(now);
		}
		return this.cached;
	}

	private SchemaStatus check(Instant now) {
		boolean postgreSql = isPostgreSql();
		Optional<MigrationReport> report = this.reports.last();
		List<String> problems = report.map(MigrationReport::problems)
			.orElse(List.of())
			.stream()
			.map(CredentialMasker::mask)
			.toList();
		List<String> conflicts = report.map(MigrationReport::conflicts)
			.orElse(List.of())
			.stream()
			.map((conflict) -> CredentialMasker.mask(conflict.object() + ": " + conflict.reason()))
			.toList();
		try {
			MigrationInfoService info = QuietFlyway.call(this.flyway::info);
			int failed = count(info.all(), (m) -> m.getState().isFailed());
			int pending = info.pending().length;
			// a baseline row only marks where an adopted history starts: it is not a
			// migration
			int applied = count(info.applied(), (m) -> !m.getState().isFailed() && !m.getType().isBaseline());
			if (!postgreSql) {
				// the starter stepped aside: Flyway's own history, and no drift to
				// compare
				return new SchemaStatus(State.OTHER_DATABASE, now, currentVersion(info), applied, pending, failed,
						problems, conflicts, Optional.empty(), null, null);
			}
			Optional<List<Drift>> drift;
			String driftUnchecked;
			try (Connection connection = FlywaySession.prepare(
					this.flyway.getConfiguration().getDataSource().getConnection(), this.flyway.getConfiguration())) {
				drift = ExpectedSchemaDrift.of(this.flyway, connection);
				driftUnchecked = drift.isPresent() ? null
						: CredentialMasker.mask(ExpectedSchemaDrift.whyUnchecked(this.flyway, connection));
			}
			return new SchemaStatus(judge(problems, failed, pending, drift), now, currentVersion(info), applied,
					pending, failed, problems, conflicts, drift, driftUnchecked, null);
		}
		catch (SQLException | RuntimeException ex) {
			return new SchemaStatus(State.UNREACHABLE, now, null, 0, 0, 0, problems, conflicts, Optional.empty(), null,
					CredentialMasker.mask(ex.getMessage()));
		}
	}

	/**
	 * Asked until the database answers once: an unreachable one is reported as such, not
	 * as another database.
	 */
	private boolean isPostgreSql() {
		if (this.postgreSql == null) {
			String product = MigrationDatabase.productName(this.flyway.getConfiguration().getDataSource());
			this.postgreSql = MigrationDatabase.POSTGRESQL.equals(product);
		}
		return this.postgreSql;
	}

	private static State judge(List<String> problems, int failed, int pending, Optional<List<Drift>> drift) {
		if (!problems.isEmpty()) {
			return State.NOT_CONVERGED;
		}
		if (failed > 0) {
			return State.FAILED;
		}
		if (pending > 0) {
			return State.PENDING;
		}
		return drift.orElse(List.of()).stream().anyMatch(Drift::departs) ? State.DRIFTED : State.CONVERGED;
	}

	private static @Nullable String currentVersion(MigrationInfoService info) {
		MigrationInfo current = info.current();
		return (current != null && current.getVersion() != null) ? current.getVersion().getVersion() : null;
	}

	private static int count(MigrationInfo[] migrations, Predicate<MigrationInfo> test) {
		return (int) Arrays.stream(migrations).filter(test).count();
	}

}
