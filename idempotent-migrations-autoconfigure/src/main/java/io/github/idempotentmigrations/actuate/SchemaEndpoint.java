package io.github.idempotentmigrations.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.flyway.CredentialMasker;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.shadow.Drift;
import io.github.idempotentmigrations.tenants.MigratedTenants;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * The {@code schema} endpoint: the live status and the full report of the last startup
 * run. The JSON shape is the descriptors below, not the engine's report model, so it
 * stays stable when the model grows; texts are masked. As an
 * {@link OperationResponseBody} it is written with Actuator's own JSON settings, whatever
 * the application's are.
 */
@Endpoint(id = "schema", defaultAccess = Access.READ_ONLY)
public class SchemaEndpoint {

	private final LiveSchemaCheck check;

	private final MigrationReportStore reports;

	private final @Nullable MigratedTenants tenants;

	public SchemaEndpoint(LiveSchemaCheck check, MigrationReportStore reports) {
		this(check, reports, null);
	}

	/**
	 * An endpoint over the live check, the stored report of the last run and, if any, the
	 * tenant schemas' runs.
	 * @param tenants the tenant schemas' startup runs, or null when there are none
	 */
	public SchemaEndpoint(LiveSchemaCheck check, MigrationReportStore reports, @Nullable MigratedTenants tenants) {
		this.check = check;
		this.reports = reports;
		this.tenants = tenants;
	}

	@ReadOperation
	public SchemaDescriptor schema() {
		return new SchemaDescriptor(StatusDescriptor.of(this.check.status()),
				this.reports.last().map(LastRunDescriptor::of).orElse(null),
				(this.tenants != null) ? TenantsDescriptor.of(this.tenants) : null);
	}

	/**
	 * One tenant schema, checked live now (drift included): asked for one tenant at a
	 * time, so never cached.
	 */
	@ReadOperation
	public @Nullable SchemaDescriptor tenant(@Selector String tenant) {
		return (this.tenants != null) ? this.tenants.find(tenant)
			.map((run) -> new SchemaDescriptor(StatusDescriptor
				.of(new LiveSchemaCheck(run.flyway(), run.reports(), Duration.ZERO, Clock.systemUTC()).status()),
					run.report().map(LastRunDescriptor::of).orElse(null), null))
			.orElse(null) : null;
	}

	private static List<String> masked(List<String> texts) {
		return texts.stream().map(CredentialMasker::mask).toList();
	}

	/**
	 * The whole answer; {@code lastRun} is null when no startup run was recorded,
	 * {@code tenants} when no tenant schemas are configured.
	 */
	public record SchemaDescriptor(StatusDescriptor status, @Nullable LastRunDescriptor lastRun,
			@Nullable TenantsDescriptor tenants) implements OperationResponseBody {
	}

	/**
	 * The live check; {@code expectedSchema} is {@code stored} when the drift was
	 * compared against the expected schema kept for the applied migrations,
	 * {@code not recorded yet} when there is none to compare against.
	 */
	public record StatusDescriptor(String state, Instant checkedAt, @Nullable String currentVersion,
			int appliedMigrations, int pendingMigrations, int failedMigrations, String expectedSchema,
			List<DriftDescriptor> drift, @Nullable String error) {

		static StatusDescriptor of(SchemaStatus status) {
			return new StatusDescriptor(status.state().name(), status.checkedAt(), status.currentVersion(),
					status.applied(), status.pending(), status.failed(),
					status.drift().isPresent() ? "stored" : "not recorded yet",
					status.driftList().stream().map(DriftDescriptor::of).toList(), status.error());
		}
	}

	/**
	 * One object that departs from the expected schema: {@code problem} is MISSING,
	 * INVALID, DIFFERENT or EXTRA; {@code expected} and {@code found} are the definitions
	 * compared (null where there is none).
	 */
	public record DriftDescriptor(String type, String object, String problem, @Nullable String expected,
			@Nullable String found) {

		static DriftDescriptor of(Drift drift) {
			return new DriftDescriptor(drift.kind().name(), drift.object(), drift.problem().name(),
					CredentialMasker.mask(drift.expected()), CredentialMasker.mask(drift.found()));
		}
	}

	/** The last startup run. */
	public record LastRunDescriptor(Instant startedAt, long durationMs, String mode, @Nullable String schemaVersion,
			boolean converged, Map<String, Integer> statements, List<RepairDescriptor> repairs,
			List<MigrationDescriptor> migrations, List<String> problems, List<String> warnings) {

		static LastRunDescriptor of(MigrationReport report) {
			return new LastRunDescriptor(report.startedAt(), report.duration().toMillis(), report.mode().name(),
					report.schemaVersion(), report.converged(), OutcomeCounts.of(report.totals()),
					report.repairs().stream().map(RepairDescriptor::of).toList(),
					report.migrations().stream().map(MigrationDescriptor::of).toList(), masked(report.problems()),
					masked(report.warnings()));
		}
	}

	/** Something done before migrating. */
	public record RepairDescriptor(String kind, String subject, String action) {

		static RepairDescriptor of(RepairAction repair) {
			return new RepairDescriptor(repair.kind().name(), CredentialMasker.mask(repair.subject()),
					CredentialMasker.mask(repair.action()));
		}
	}

	/** One migration. */
	public record MigrationDescriptor(@Nullable String version, String description, @Nullable String script,
			long durationMs, Map<String, Integer> statementTotals, List<StatementDescriptor> statements) {

		static MigrationDescriptor of(MigrationResult migration) {
			return new MigrationDescriptor(migration.version(), migration.description(), migration.script(),
					migration.duration().toMillis(), OutcomeCounts.of(migration.totals()),
					migration.statements().stream().map(StatementDescriptor::of).toList());
		}
	}

	/** One statement of a migration. */
	public record StatementDescriptor(int index, String kind, @Nullable String object, String outcome, String reason,
			long durationMs, String sql, List<String> actions, @Nullable String expected, @Nullable String actual,
			@Nullable String sqlState) {

		static StatementDescriptor of(StatementResult statement) {
			return new StatementDescriptor(statement.index(), statement.kind().name(), statement.object(),
					statement.outcome().name(), CredentialMasker.mask(statement.reason()),
					statement.duration().toMillis(), CredentialMasker.mask(statement.sql()),
					masked(statement.actions()), CredentialMasker.mask(statement.expected()),
					CredentialMasker.mask(statement.actual()), statement.sqlState());
		}
	}

}
