package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.StatementRejectedException;
import io.github.idempotentmigrations.engine.StopReason;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.StartupMode;
import io.github.idempotentmigrations.flyway.Finding.Kind;
import io.github.idempotentmigrations.flyway.InspectionResult.InvalidIndex;
import io.github.idempotentmigrations.shadow.SchemaSnapshot;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * The migration strategy Boot calls at startup: inspect, repair, migrate, verify, under
 * one advisory lock across instances. Every outcome is published as a report; anything
 * that cannot converge fails with a {@link SchemaConvergenceException} carrying it.
 */
public final class IdempotentMigrationStrategy implements FlywayMigrationStrategy {

	private final StartupSettings settings;

	private final MigrationRunTracker runs;

	private final MigrationReportStore reports;

	private final DatabaseInspector inspector = new DatabaseInspector();

	private final RepairPolicies policies;

	private final HistoryAdoption adoption;

	private final AssumedApplied assumedApplied;

	private final StartupDriftCheck drift;

	public IdempotentMigrationStrategy(StartupSettings settings, EngineSettings engineSettings,
			MigrationRunTracker runs, MigrationReportStore reports) {
		this.settings = settings;
		this.runs = runs;
		this.reports = reports;
		this.policies = new RepairPolicies(settings.repair());
		this.adoption = new HistoryAdoption(settings.shadow(), engineSettings.onConflict());
		this.assumedApplied = new AssumedApplied(settings.personsWord().assumeApplied(), settings.shadow());
		this.drift = new StartupDriftCheck(settings.repair().drift());
	}

	@Override
	public void migrate(Flyway flyway) {
		migrate(flyway.getConfiguration(), flyway::migrate);
	}

	/**
	 * As {@link #migrate(Flyway)}, for a configuration whose Flyway is built only where
	 * it works: on the strategy's session (one Flyway per run, not two, where many
	 * schemas run).
	 */
	public void migrate(Configuration configuration) {
		migrate(configuration,
				() -> Flyway.configure(configuration.getClassLoader()).configuration(configuration).load().migrate());
	}

	/**
	 * Converges the schemas {@code configuration} migrates; {@code asIs} migrates them as
	 * plain Flyway does, on a database other than PostgreSQL.
	 */
	private void migrate(Configuration configuration, Runnable asIs) {
		StartupReport report = new StartupReport(this.settings.mode(), this.runs, this.reports);
		ConnectSettings connect = this.settings.connect();
		DatabaseWaiter waiter = new DatabaseWaiter(connect.timeout(), connect.initialBackoff(), connect.maxBackoff());
		// The session tells the database: no connection of its own for that (one per
		// tenant, many tenants).
		Connection session = waiter.connect(configuration.getDataSource(), report);
		if (!onPostgreSql(session, report)) {
			// another database: plain Flyway, as Boot runs it without a strategy
			asIs.run();
			return;
		}
		try (session) {
			session.setAutoCommit(true);
			if (TransactionPooler.between(session, configuration.getDataSource())) {
				throw report.fail(StopReason.TRANSACTION_POOLER, TransactionPooler.ANALYSIS, null);
			}
			FlywaySession.prepare(session, configuration);
			MigratedSchemas schemas = MigratedSchemas.of(configuration, session);
			try (StartupLock lock = StartupLock.acquire(session, schemas)) {
				execute(session, connect.lockTimeoutSql());
				try {
					// Flyway works on this session too: a pool of one connection is
					// enough, as for plain Flyway.
					converge(SessionFlyway.on(configuration, session), session, schemas, report);
				}
				finally {
					// The session is usually pooled: give it back as it was.
					execute(session, "RESET lock_timeout");
				}
			}
		}
		catch (SQLException ex) {
			throw report.fail("Could not inspect or repair the database: " + CredentialMasker.mask(ex.getMessage()),
					ex);
		}
		catch (FlywayException | StatementRejectedException ex) {
			throw report.fail(failureMessage(ex), ex);
		}
	}

	/**
	 * Whether {@code session} is on PostgreSQL; if not, it is closed, so Flyway can have
	 * it on a pool of one.
	 */
	private static boolean onPostgreSql(Connection session, StartupReport report) {
		try {
			if (MigrationDatabase.isPostgreSql(session)) {
				return true;
			}
			session.close();
			return false;
		}
		catch (SQLException ex) {
			closeQuietly(session, ex);
			throw report.fail("Could not inspect or repair the database: " + CredentialMasker.mask(ex.getMessage()),
					ex);
		}
		catch (RuntimeException ex) {
			// a driver or proxy that throws otherwise: the session still goes back
			closeQuietly(session, ex);
			throw ex;
		}
	}

	private static void closeQuietly(Connection session, Exception failure) {
		try {
			session.close();
		}
		catch (SQLException ex) {
			failure.addSuppressed(ex);
		}
	}

	private void converge(Flyway flyway, Connection session, MigratedSchemas schemas, StartupReport report)
			throws SQLException {
		// Each flyway.info() re-reads the history and checksums every script: take one
		// per phase.
		MigrationInfoService before = flyway.info();
		InspectionResult found = this.inspector.inspect(before, flyway.getConfiguration().isBaselineOnMigrate(),
				this.settings.repair().failedMigrations().policy() == RepairPolicy.REPAIR, session, schemas,
				new PendingScripts(flyway.getConfiguration()));
		recordSchemaVersion(before, report);
		if (this.settings.mode() == StartupMode.VALIDATE) {
			this.policies.validate(found, report);
			Optional<SchemaSnapshot> stored = schemas.expectedSchema()
				.load(session, AppliedMigrations.fingerprint(session, schemas));
			if (stored.isPresent()) {
				this.drift.check(session, stored.get(), false, report);
			}
			report.failOnProblems("The schema is not converged (validate mode: nothing was changed)");
			report.publish();
			return;
		}
		Set<Kind> toRepair = this.policies.decide(found.findings(), report);
		FailedMigrationResume resume = new FailedMigrationResume(this.settings.personsWord(),
				new PendingScripts(flyway.getConfiguration()));
		if (toRepair.contains(Kind.FAILED_MIGRATION)) {
			resume.check(found.failed(), session, schemas.journal(), report);
		}
		report.failOnProblems("Startup stopped before changing anything");
		ExpectedSchemaRecorder expected = new ExpectedSchemaRecorder(this.settings.shadow());
		if (!found.historyHasRows() && !found.objectsWithoutHistory()) {
			// a first run: what it builds is what plain Flyway builds
			expected.liveWasExpected();
		}
		if (toRepair.isEmpty() && found.pending().isEmpty()) {
			// The common restart: nothing to repair or migrate; one query says the
			// expected schema is stored. Drift is compared only when a policy acts on it
			// (warn leaves it to the live check): reading the whole catalog would cost
			// more than the restart.
			String applied = AppliedMigrations.fingerprint(session, schemas);
			expected.record(flyway, session, schemas, applied, before::all, List.of(), report);
			if (this.settings.repair().drift() != DriftPolicy.WARN && driftComparable(found)) {
				checkDrift(session, schemas, applied, expected, false, report);
			}
			if (plainFlywayWouldActOnARestart(flyway, before)) {
				migratePending(flyway, found, report);
			}
			report.publish();
			return;
		}
		// A person's word is checked before anything changes (drift repair included); it
		// changes only the history.
		if (found.historyHasRows()) {
			this.assumedApplied.writeHistory(flyway, session, schemas, report);
		}
		// read after the person's word: it may have written history rows
		boolean driftLeft = driftComparable(found) && checkDrift(session, schemas,
				AppliedMigrations.fingerprint(session, schemas), expected, true, report);
		SchemaSnapshot adopted = repair(flyway, session, schemas, found, toRepair, resume, report);
		if (adopted != null) {
			expected.shadowBuilt(adopted, AppliedMigrations.fingerprint(session, schemas));
		}
		report.migrated();
		migratePending(flyway, found, report);
		// What the history says now; Flyway's own reading of it only where its rows take
		// back earlier ones, or a shadow is to build them.
		HistoryRows after = HistoryRows.read(session, schemas);
		// Reported at inspection and left by policy, or left to the session building them
		// then; those a migration was to rebuild are not among them.
		Set<InvalidIndex> leftAsIs = new HashSet<>(found.invalidIndexes());
		leftAsIs.addAll(found.indexesBeingBuilt());
		verify(found.pending(), after, leftAsIs, session, schemas, report);
		if (after.takesBack()) {
			recordSchemaVersion(flyway.info(), report);
		}
		else {
			report.schemaVersion(after.highestVersion());
		}
		report.failOnProblems("The schema did not converge after migrating");
		String appliedNow = AppliedMigrations.fingerprint(after, session);
		expected.record(flyway, session, schemas, appliedNow, () -> flyway.info().all(), this.runs.lastResults(),
				report);
		if (driftLeft) {
			this.drift.warnAfterMigrating(session, schemas, appliedNow, report);
		}
		report.publish();
	}

	/**
	 * Whether plain Flyway's migrate, with nothing pending, would still do something the
	 * application sees: run its callbacks (after drift repair here, as after pending
	 * migrations: an afterMigrate that grants sees every table), or refuse a migration in
	 * its validation (one it ignores, below the applied version with out-of-order off, or
	 * one renamed since it was applied), which it then does in its own words.
	 */
	private static boolean plainFlywayWouldActOnARestart(Flyway flyway, MigrationInfoService before) {
		Configuration configuration = flyway.getConfiguration();
		return ApplicationCallbacks.anyFor(configuration, ApplicationCallbacks.ON_MIGRATE_WITH_NOTHING_PENDING)
				|| configuration.isValidateOnMigrate() && FlywayValidation.refusesAny(configuration, before.all());
	}

	/**
	 * Compares the live schema with the expected one stored for the applied migrations
	 * ({@code applied}, the history's fingerprint), acting by policy. Returns whether
	 * drift is left to warn about once {@code migrating} has run the pending migrations,
	 * which may build or change the very objects.
	 */
	private boolean checkDrift(Connection session, MigratedSchemas schemas, String applied,
			ExpectedSchemaRecorder expected, boolean migrating, StartupReport report) throws SQLException {
		Optional<SchemaSnapshot> stored = schemas.expectedSchema().load(session, applied);
		if (stored.isEmpty()) {
			if (!DatabaseInspector.schemaHasObjects(session, schemas)) {
				expected.liveWasExpected();
			}
			return false;
		}
		boolean driftLeft = migrating ? this.drift.checkBeforeMigrating(session, stored.get(), report)
				: !this.drift.check(session, stored.get(), true, report);
		if (!driftLeft) {
			expected.liveWasExpected();
		}
		return driftLeft;
	}

	/**
	 * Without history there is no expected schema yet (adoption builds one); with failed
	 * rows the schema is half-way through a migration that is about to resume: neither is
	 * drift.
	 */
	private static boolean driftComparable(InspectionResult found) {
		return found.historyHasRows() && found.failed().isEmpty();
	}

	/**
	 * The normal path: pending migrations run through the engine, whatever objects
	 * already exist (the history is a fact). When one fails on a database with history,
	 * the failure also names the one way to say they already ran.
	 */
	private void migratePending(Flyway flyway, InspectionResult found, StartupReport report) {
		try {
			flyway.migrate();
		}
		catch (FlywayException | StatementRejectedException ex) {
			if (found.historyHasRows()) {
				assumeAppliedHint(found).ifPresent((hint) -> report.problem(StopReason.REPAIR_SETTING, hint));
			}
			throw ex;
		}
	}

	/**
	 * For a failure after history: if the pending migrations in fact ran here, the
	 * setting that says so.
	 */
	private Optional<String> assumeAppliedHint(InspectionResult found) {
		List<String> pending = found.pending()
			.stream()
			.filter((migration) -> migration.getVersion() != null)
			.map((migration) -> migration.getVersion().getVersion())
			.toList();
		List<MigrationResult> ran = this.runs.lastResults();
		String failed = ran.isEmpty() ? null : ran.get(ran.size() - 1).version();
		List<String> upToFailed = (failed == null || !pending.contains(failed)) ? pending
				: pending.subList(0, pending.indexOf(failed) + 1);
		if (upToFailed.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of("If migrations " + String.join(", ", upToFailed) + " already ran on this database (history"
				+ " rows lost to a restored dump, or applied by hand), say so with"
				+ " idempotent-migrations.repair.assume-applied=" + String.join(",", upToFailed) + ": startup checks"
				+ " the schema against them on a shadow before it writes their history rows. Pending migrations are"
				+ " otherwise never taken as applied");
	}

	/**
	 * Acts on what the policies allow to repair; returns the expected schema when
	 * adoption built one. INVALID indexes are never among it: one a migration about to
	 * run creates is rebuilt by that migration's own statement, and startup drops or
	 * reindexes no other.
	 */
	private @Nullable SchemaSnapshot repair(Flyway flyway, Connection session, MigratedSchemas schemas,
			InspectionResult found, Set<Kind> toRepair, FailedMigrationResume resume, StartupReport report)
			throws SQLException {
		SchemaSnapshot expected = toRepair.contains(Kind.UNHISTORIED_SCHEMA)
				? this.adoption.adopt(flyway, session, schemas, report) : null;
		HistoryRepairer history = new HistoryRepairer();
		if (toRepair.contains(Kind.FAILED_MIGRATION)) {
			resume.applyPersonsWord(found.failed(), session, schemas.journal(), report);
			history.removeFailedRows(session, schemas, found.failed(), report);
		}
		if (toRepair.contains(Kind.CHECKSUM_MISMATCH)) {
			for (MigrationInfo migration : found.checksumMismatches()) {
				history.realign(session, schemas, migration, report);
			}
		}
		return expected;
	}

	/**
	 * After migrating, as the history's rows say: no row records a failure, every
	 * migration pending at inspection is done; and no INVALID index but those reported at
	 * inspection and left as is (an index a migration was to rebuild, still INVALID, is a
	 * problem). Every statement that ran was accepted by PostgreSQL itself, so there is
	 * no model of the schema to check against.
	 */
	private void verify(List<MigrationInfo> pending, HistoryRows after, Set<InvalidIndex> leftAsIs, Connection session,
			MigratedSchemas schemas, StartupReport report) throws SQLException {
		for (HistoryRows.Row row : after.failed()) {
			report.problem("Migration " + row.label() + " is recorded as failed");
		}
		for (MigrationInfo migration : pending) {
			if (!after.done(migration)) {
				report.problem("Migration " + InspectionResult.label(migration) + " is still pending after migrating");
			}
		}
		this.inspector.invalidIndexes(session, schemas)
			.leftovers()
			.stream()
			.filter((index) -> !leftAsIs.contains(index))
			.forEach((index) -> report.problem("Index " + index + " is INVALID after migrating"));
	}

	private static void recordSchemaVersion(MigrationInfoService info, StartupReport report) {
		MigrationInfo current = info.current();
		report.schemaVersion(
				(current != null && current.getVersion() != null) ? current.getVersion().getVersion() : null);
	}

	private String failureMessage(RuntimeException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof StatementRejectedException rejected) {
				List<MigrationResult> results = this.runs.lastResults();
				String migration = results.isEmpty() ? ""
						: "Migration " + results.get(results.size() - 1).label() + ": ";
				return migration + CredentialMasker.mask(rejected.getMessage());
			}
		}
		return "Flyway failed: " + CredentialMasker.mask(ex.getMessage());
	}

	private static void execute(Connection session, String sql) throws SQLException {
		try (Statement statement = session.createStatement()) {
			statement.execute(sql);
		}
	}

}
