package io.github.idempotentmigrations.flyway;

import java.util.List;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.flyway.MigratingApplication.failure;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history table is a fact: pending migrations run on the normal path whatever objects
 * already exist (their DDL reconciled on PostgreSQL's refusals, their data as written),
 * and only a person's explicit {@code idempotent-migrations.repair.assume-applied},
 * checked on a shadow, writes history rows for them.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class HistoryIsAFactStartupTests {

	@Test
	void pendingMigrationsWhoseIndexesWerePrebuiltStillRunTheirData(TestDatabase db) {
		plainFlyway(db, "prebuilt-indexes", "1");
		db.execute("INSERT INTO orders (id, status) VALUES (1, 'new'), (2, 'paid')");
		db.execute("INSERT INTO settings VALUES ('theme', 'dark')");
		// A DBA builds the next release's indexes ahead of it, without a write lock.
		db.execute("CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status)");
		db.execute("CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at)");

		on(db, "prebuilt-indexes").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.repairs()).isEmpty();
			assertThat(report.migrations()).extracting((m) -> m.version()).containsExactly("2", "3");
			assertThat(report.migrations().get(1).statements()).extracting(StatementResult::outcome)
				.containsExactly(Outcome.SKIPPED, Outcome.APPLIED, Outcome.APPLIED);
		});

		assertThat(db.query("SELECT order_id || ':' || status FROM order_status_history ORDER BY order_id"))
			.containsExactly("1:new", "2:paid");
		assertThat(db.query("SELECT key || '=' || value FROM settings ORDER BY key")).containsExactly("currency=EUR",
				"theme=dark");
		assertThat(MigratingApplication.history(db)).hasSize(3).allSatisfy((row) -> assertThat(row).endsWith(":t"));
	}

	@Test
	void aDataChangeInADoBlockOfAMigrationWhoseIndexesExistRuns(TestDatabase db) {
		plainFlyway(db, "prebuilt-unique", "1");
		db.execute("INSERT INTO users VALUES (1, 'Ann@Example.com'), (2, 'bob@example.com')");
		db.execute("CREATE INDEX users_email_idx ON users (email)");
		db.execute("CREATE UNIQUE INDEX users_lower_email_key ON users (lower(email))");

		on(db, "prebuilt-unique").run((context) -> assertThat(context).hasNotFailed());

		assertThat(db.query("SELECT email FROM users ORDER BY id")).containsExactly("ann@example.com",
				"bob@example.com");
	}

	@Test
	void lostHistoryRowsAreNotInferredAndTheFailureNamesTheSetting(TestDatabase db) {
		plainFlyway(db, "lost-history", "5");
		db.execute("INSERT INTO accounts VALUES (1, 'ann@example.com', 'pro')");
		db.execute("DELETE FROM flyway_schema_history WHERE installed_rank > 1");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		on(db, "lost-history").run((context) -> {
			SchemaConvergenceException failure = failure(context);
			// V2's DO block meets the table it creates: the history says V2 never ran,
			// and nothing guesses otherwise.
			assertThat(failure.getMessage()).contains("Migration 2", "already exists");
			assertThat(failure.report().repairs()).isEmpty();
			assertThat(failure.report().problems())
				.anySatisfy((problem) -> assertThat(problem).contains("idempotent-migrations.repair.assume-applied"));
		});

		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	@Test
	void assumeAppliedWritesTheRowsWhenTheShadowAtThatVersionMatches(TestDatabase db) {
		plainFlyway(db, "lost-history", "5");
		List<String> plainHistory = MigratingApplication.history(db);
		db.execute("INSERT INTO accounts VALUES (1, 'ann@example.com', 'pro')");
		db.execute("INSERT INTO settings VALUES ('theme', 'dark')");
		db.execute("DELETE FROM flyway_schema_history WHERE installed_rank > 1");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		on(db, "lost-history", "idempotent-migrations.repair.assume-applied=2,3,4,5").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.repairs()).extracting(RepairAction::kind)
				.containsExactly(RepairAction.Kind.ASSUMED_APPLIED);
			assertThat(report.repairs().get(0).action()).contains("2, 3, 4, 5", "shadow");
			assertThat(report.migrations()).isEmpty();
		});

		assertThat(MigratingApplication.history(db)).isEqualTo(plainHistory);
		assertThat(DatabaseSnapshot.of(db).userRows()).isEqualTo(before.userRows());
		assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(before.catalog());

		// Once the rows exist the setting has nothing left to do.
		on(db, "lost-history", "idempotent-migrations.repair.assume-applied=2,3,4,5").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationReportStore.class).last().orElseThrow().repairs()).isEmpty();
		});
	}

	@Test
	void assumeAppliedOfAPrefixLeavesTheRestToTheNormalPath(TestDatabase db) {
		plainFlyway(db, "lost-history", "3");
		db.execute("DELETE FROM flyway_schema_history WHERE installed_rank > 1");

		on(db, "lost-history", "idempotent-migrations.repair.assume-applied=2,3").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.repairs()).extracting(RepairAction::kind)
				.containsExactly(RepairAction.Kind.ASSUMED_APPLIED);
			assertThat(report.migrations()).extracting((m) -> m.version()).containsExactly("4", "5");
		});

		assertThat(db.query("SELECT key || '=' || value FROM settings")).containsExactly("currency=EUR");
		assertThat(DatabaseSnapshot.catalogOf(db))
			.isEqualTo(MigratingApplication.plainFlywayCatalog("lost-history", "5"));
	}

	@Test
	void assumeAppliedStopsWithTheDifferencesWhenTheSchemaDoesNotMatch(TestDatabase db) {
		plainFlyway(db, "lost-history", "5");
		db.execute("DELETE FROM flyway_schema_history WHERE installed_rank > 1");
		db.execute("DROP TABLE settings");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		on(db, "lost-history", "idempotent-migrations.repair.assume-applied=2,3,4,5").run((context) -> {
			SchemaConvergenceException failure = failure(context);
			assertThat(failure.getMessage()).contains("assume-applied", "settings", "missing");
		});

		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	@Test
	void assumeAppliedThatSkipsAPendingVersionStopsWithNothingChanged(TestDatabase db) {
		plainFlyway(db, "lost-history", "5");
		db.execute("DELETE FROM flyway_schema_history WHERE installed_rank > 1");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		on(db, "lost-history", "idempotent-migrations.repair.assume-applied=3,4").run((context) -> {
			SchemaConvergenceException failure = failure(context);
			assertThat(failure.getMessage()).contains("assume-applied", "2");
		});

		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

}
