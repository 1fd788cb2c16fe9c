package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.shadow.ExpectedSchema;
import io.github.idempotentmigrations.shadow.ExpectedSchemaStore;
import io.github.idempotentmigrations.shadow.SchemaSnapshot;
import io.github.idempotentmigrations.shadow.ShadowDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the expected schema beside the history current after a startup changed what is
 * applied, from the cheapest source that is exact: a shadow this startup already built
 * (adoption); the live schema, when it was exactly the expected one (or empty) before and
 * every statement ran as written, since then it is what plain Flyway builds; else a
 * shadow built for the purpose (one plain migrate, once: also the first start on a
 * database migrated before the starter kept an expected schema). A failure here never
 * stops startup: drift is then unknown until the applied migrations change.
 */
final class ExpectedSchemaRecorder {

	private static final String NOT_RECORDED = "No expected schema could be built for the applied migrations, so"
			+ " drift is not checked until they change (no shadow database: see idempotent-migrations.shadow.url): ";

	private final ShadowConnections shadows;

	private @Nullable SchemaSnapshot fromShadow;

	private @Nullable String fromShadowFingerprint;

	private boolean liveWasExpected;

	ExpectedSchemaRecorder(ShadowSettings shadow) {
		this.shadows = new ShadowConnections(shadow,
				"record the expected schema of the applied migrations, which drift checks compare with");
	}

	/** The live schema was exactly the expected one (or empty) before anything ran. */
	void liveWasExpected() {
		this.liveWasExpected = true;
	}

	/** A shadow built this startup for these applied migrations. */
	void shadowBuilt(SchemaSnapshot expected, String fingerprint) {
		this.fromShadow = expected;
		this.fromShadowFingerprint = fingerprint;
	}

	/**
	 * Stores the expected schema for what is applied now ({@code appliedNow}, the
	 * history's fingerprint), unless it is stored already; {@code applied} is Flyway's
	 * view of the applied migrations, asked for only when a shadow has to build them.
	 */
	void record(Flyway flyway, Connection session, MigratedSchemas schemas, String appliedNow,
			Supplier<MigrationInfo[]> applied, List<MigrationResult> ran, StartupReport report) {
		ExpectedSchemaStore store = schemas.expectedSchema();
		try {
			if (store.isStored(session, appliedNow)) {
				return;
			}
			if (appliedNow.equals(this.fromShadowFingerprint)) {
				store.save(session, appliedNow, this.fromShadow);
			}
			else if (this.liveWasExpected && allAsWritten(ran)) {
				store.saveLive(session, appliedNow, schemas.names());
			}
			else {
				recordFromShadow(flyway, session, schemas, appliedNow, applied.get(), report);
			}
		}
		catch (SQLException | RuntimeException ex) {
			report.warn(NOT_RECORDED + CredentialMasker.mask(String.valueOf(ex.getMessage())));
		}
	}

	/**
	 * One plain migrate on a shadow; when none can be built, why is stored so that
	 * restarts do not try again.
	 */
	private void recordFromShadow(Flyway flyway, Connection session, MigratedSchemas schemas, String fingerprint,
			MigrationInfo[] applied, StartupReport report) throws SQLException {
		ExpectedSchemaStore store = schemas.expectedSchema();
		if (Arrays.stream(applied).anyMatch(ExpectedSchemaRecorder::unknownHere)) {
			// the history holds migrations these scripts do not have (a rollback): a
			// shadow would build another schema
			store.saveUnavailable(session, fingerprint, "the history holds migrations not in the configured locations");
			return;
		}
		Optional<String> noShadowAnswer = ExpectedSchema.notSqlOnly(flyway.getConfiguration(), applied,
				MigrationVersion.LATEST);
		if (noShadowAnswer.isPresent()) {
			store.saveUnavailable(session, fingerprint, noShadowAnswer.get());
			report.warn("No expected schema for the applied migrations, so drift is not checked until they change: "
					+ noShadowAnswer.get() + "; a startup that runs every statement as written records it instead");
			return;
		}
		SchemaSnapshot expected;
		try (ShadowDatabase shadow = this.shadows.open(flyway.getConfiguration().getDataSource(), session)) {
			ExpectedSchema.build(flyway.getConfiguration(), shadow.dataSource());
			expected = shadow.expectedSchema(schemas.names());
		}
		catch (RuntimeException ex) {
			String reason = CredentialMasker.mask(String.valueOf(ex.getMessage()));
			store.saveUnavailable(session, fingerprint, reason);
			report.warn(NOT_RECORDED + reason);
			return;
		}
		store.save(session, fingerprint, expected);
	}

	private static boolean unknownHere(MigrationInfo migration) {
		return migration.getState() == MigrationState.MISSING_SUCCESS
				|| migration.getState() == MigrationState.FUTURE_SUCCESS;
	}

	/**
	 * Whether every statement ran as written or was skipped by PostgreSQL's own
	 * {@code IF [NOT] EXISTS}: on a schema equal to the expected one, plain Flyway would
	 * have met the same objects and done the same.
	 */
	private static boolean allAsWritten(List<MigrationResult> ran) {
		return ran.stream()
			.flatMap((migration) -> migration.statements().stream())
			.allMatch((statement) -> statement.outcome() == Outcome.APPLIED || statement.outcome() == Outcome.SKIPPED);
	}

}
