package io.github.idempotentmigrations.flyway;

import java.util.List;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each repair, from a real starting state: startup repairs it, migrates, verifies and
 * reports what it did.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class StartupRepairTests {

	@Test
	void clearsAFailedRowAndTheMigrationRebuildsTheInvalidIndexItLeft(TestDatabase db) {
		StartingStates.migrationKilledHalfWay(db);
		on(db, "concurrent-index").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			// Startup only removes the failed row: the migration's own statement meets
			// the INVALID index and rebuilds it.
			assertThat(report.repairs()).extracting(RepairAction::kind)
				.containsExactly(RepairAction.Kind.FAILED_MIGRATION);
			assertThat(report.warnings()).isEmpty();
			assertThat(report.migrations()).singleElement()
				.satisfies((migration) -> assertThat(migration.statements()).singleElement()
					.satisfies((statement) -> assertThat(statement.reason()).contains("INVALID", "rebuilt")));
		});
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		assertThat(successfulVersions(jdbc)).containsExactly("1", "2");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM flyway_schema_history WHERE NOT success", Integer.class))
			.isZero();
		assertThat(indexIsValid(jdbc)).isTrue();
	}

	@Test
	void reportsAnInvalidIndexOfAnAppliedMigrationAndLeavesItAsIs(TestDatabase db) {
		StartingStates.invalidIndexOfAppliedMigration(db);
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		on(db, "concurrent-index").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.repairs()).isEmpty();
			assertThat(report.migrations()).isEmpty();
			assertThat(report.warnings()).singleElement()
				.asString()
				.contains("Index public.accounts_email_key on public.accounts is INVALID", "left as is",
						"idempotent-migrations.repair.invalid-indexes=warn",
						"REINDEX INDEX CONCURRENTLY \"public\".\"accounts_email_key\"");
		});
		// Nothing reindexed or dropped: the index is still INVALID, the database exactly
		// as it was.
		assertThat(indexIsValid(new JdbcTemplate(db.dataSource()))).isFalse();
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	@Test
	void realignsTheChecksumOfAnEditedMigrationWithoutRunningIt(TestDatabase db) {
		plainFlyway(db, "base", "1");
		List<String> rowsBefore = DatabaseSnapshot.of(db).userRows();
		List<String> catalogBefore = DatabaseSnapshot.catalogOf(db);
		on(db, "edited", "idempotent-migrations.repair.checksum-mismatches=realign").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.repairs()).extracting(RepairAction::kind)
				.containsExactly(RepairAction.Kind.CHECKSUM_MISMATCH);
			assertThat(report.migrations()).isEmpty();
		});
		// The index the edit added is not built: the edited script did not run.
		assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(catalogBefore);
		assertThat(DatabaseSnapshot.of(db).userRows()).isEqualTo(rowsBefore);
		// Realigned: a second startup, even with the default policy, finds nothing to
		// repair.
		on(db, "edited").run((context) -> assertThat(repairs(context.getBean(MigrationReportStore.class))).isEmpty());
	}

	@Test
	void warnsAboutAnAppliedMigrationMissingFromTheClasspath(TestDatabase db) {
		plainFlyway(db, "two-migrations", "2");
		on(db, "base").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.warnings()).singleElement()
				.asString()
				.contains("Migration 2 \"add nickname\" is in the history but no longer in the configured locations");
		});
	}

	@Test
	void secondStartupOnAConvergedDatabaseChangesNothing(TestDatabase db) {
		on(db, "concurrent-index").run((context) -> assertThat(context).hasNotFailed());
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		on(db, "concurrent-index").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.repairs()).isEmpty();
			assertThat(report.migrations()).isEmpty();
		});
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	private static List<RepairAction> repairs(MigrationReportStore store) {
		return store.last().orElseThrow().repairs();
	}

	private static List<String> successfulVersions(JdbcTemplate jdbc) {
		return jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
				String.class);
	}

	private static boolean indexIsValid(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_email_key'::regclass",
				Boolean.class);
	}

}
