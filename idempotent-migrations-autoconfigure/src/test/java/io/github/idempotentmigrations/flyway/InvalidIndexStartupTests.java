package io.github.idempotentmigrations.flyway;

import java.util.concurrent.atomic.AtomicReference;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.idempotentmigrations.flyway.MigratingApplication.failure;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * INVALID indexes at startup: one a migration about to run creates is that migration's to
 * rebuild, whatever the policy; any other is reported (or stops startup before anything
 * changes) and never dropped or reindexed.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class InvalidIndexStartupTests {

	private static final String FAIL = "idempotent-migrations.repair.invalid-indexes=fail";

	@Test
	void anInvalidIndexAPendingMigrationCreatesIsRebuiltByItEvenWithPolicyFail(TestDatabase db) {
		StartingStates.invalidIndexAheadOfItsMigration(db);
		on(db, "concurrent-index", FAIL).run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.repairs()).isEmpty();
			assertThat(report.warnings()).isEmpty();
			assertThat(report.migrations()).singleElement()
				.satisfies((migration) -> assertThat(migration.statements()).singleElement()
					.satisfies((statement) -> assertThat(statement.reason()).contains("INVALID", "rebuilt")));
		});
		assertThat(indexValidity(db, "accounts_email_key")).isEqualTo("true");
		assertThat(db.query("SELECT version || ':' || success FROM flyway_schema_history ORDER BY installed_rank"))
			.containsExactly("1:true", "2:true");
	}

	@Test
	void theInvalidIndexOfAFailedMigrationWhoseRowIsRemovedIsNoFindingEvenWithPolicyFail(TestDatabase db) {
		StartingStates.migrationKilledHalfWay(db);
		on(db, "concurrent-index", FAIL).run((context) -> assertThat(context).hasNotFailed());
		assertThat(indexValidity(db, "accounts_email_key")).isEqualTo("true");
	}

	@Test
	void policyFailStopsStartupOnAnInvalidIndexOfAnAppliedMigrationWithNothingChanged(TestDatabase db) {
		StartingStates.invalidIndexOfAppliedMigration(db);
		SchemaConvergenceException failure = failsLeavingDatabaseUnchanged(db, on(db, "concurrent-index", FAIL));
		assertThat(failure.getMessage()).contains("Startup stopped before changing anything",
				"Index public.accounts_email_key on public.accounts is INVALID", FAIL,
				"REINDEX INDEX CONCURRENTLY \"public\".\"accounts_email_key\"",
				"DROP INDEX CONCURRENTLY \"public\".\"accounts_email_key\"");
		assertThat(indexValidity(db, "accounts_email_key")).isEqualTo("false");
	}

	@Test
	void anIndexAnotherSessionIsBuildingRightNowIsLeftToItEvenWithPolicyFail(TestDatabase db) throws Exception {
		MigratingApplication.plainFlyway(db, "concurrent-index", "latest");
		try (HeldIndexBuild build = HeldIndexBuild.start(db, "accounts",
				"CREATE INDEX CONCURRENTLY accounts_id_email_idx ON accounts (id, email)")) {
			assertThat(indexValidity(db, "accounts_id_email_idx")).isEqualTo("false");
			on(db, "concurrent-index", FAIL).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationReportStore.class).last().orElseThrow().warnings()).isEmpty();
			});
		}
		assertThat(indexValidity(db, "accounts_id_email_idx")).isEqualTo("true");
	}

	@Test
	void anIndexOfThatNameOnAnotherTableIsNotTheMigrationsToRebuild(TestDatabase db) {
		MigratingApplication.plainFlyway(db, "concurrent-index", "1");
		db.execute("CREATE TABLE contacts (id bigint PRIMARY KEY, email text)");
		StartingStates.invalidIndexByHand(db, "contacts",
				"CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON contacts (email)");
		SchemaConvergenceException failure = failsLeavingDatabaseUnchanged(db, on(db, "concurrent-index", FAIL));
		assertThat(failure.getMessage()).contains("Index public.accounts_email_key on public.contacts is INVALID");
	}

	@Test
	void anInvalidIndexThatWasThereBeforeIsNoProblemAfterMigratingOthers(TestDatabase db) {
		MigratingApplication.plainFlyway(db, "concurrent-index", "1");
		StartingStates.invalidIndexByHand(db, "accounts",
				"CREATE UNIQUE INDEX CONCURRENTLY accounts_email_by_hand ON accounts (email)");
		on(db, "concurrent-index").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.problems()).isEmpty();
			assertThat(report.migrations()).hasSize(1);
			assertThat(report.warnings()).singleElement()
				.asString()
				.contains("Index public.accounts_email_by_hand on public.accounts is INVALID", "left as is");
		});
		assertThat(indexValidity(db, "accounts_email_by_hand")).isEqualTo("false");
		assertThat(indexValidity(db, "accounts_email_key")).isEqualTo("true");
	}

	@Test
	void validateModeSaysWhichPendingMigrationRebuildsAnInvalidIndex(TestDatabase db) {
		StartingStates.invalidIndexAheadOfItsMigration(db);
		SchemaConvergenceException failure = failsLeavingDatabaseUnchanged(db,
				on(db, "concurrent-index", "idempotent-migrations.mode=validate", FAIL));
		assertThat(failure.report().problems()).singleElement()
			.asString()
			.contains("Migration 2 \"index email\" is pending");
		assertThat(failure.report().warnings()).singleElement()
			.asString()
			.contains("public.accounts_email_key on public.accounts is INVALID",
					"migration 2 \"index email\" creates it");
	}

	private static SchemaConvergenceException failsLeavingDatabaseUnchanged(TestDatabase db,
			ApplicationContextRunner application) {
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		AtomicReference<SchemaConvergenceException> failure = new AtomicReference<>();
		application.run((context) -> failure.set(failure(context)));
		assertThat(failure.get().report().converged()).isFalse();
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
		return failure.get();
	}

	private static String indexValidity(TestDatabase db, String index) {
		return db.query("SELECT indisvalid::text FROM pg_index WHERE indexrelid = '" + index + "'::regclass").get(0);
	}

}
