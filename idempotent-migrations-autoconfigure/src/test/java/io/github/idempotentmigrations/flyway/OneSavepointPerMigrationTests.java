package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.engine.sql.StatementKind;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transactional migration runs under one savepoint; a refusal late in it sends it back
 * there and runs it again with a savepoint per statement, leaving exactly what plain
 * Flyway leaves (rows and sequence values included), its data statements applied once. A
 * lock wait that times out does the same after a pause, until the holder lets go.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class OneSavepointPerMigrationTests {

	@Test
	void aRefusalLateInAMigrationReplaysItWithTheRowsAndSequenceValuesOfPlainFlyway(TestDatabase db) {
		List<String> plainRows;
		List<String> plainSequence;
		try (TestDatabase reference = TestDatabase.create()) {
			plainFlyway(reference, "replay", "2");
			plainRows = rows(reference);
			plainSequence = reference.query("SELECT last_value || ':' || is_called FROM items_id_seq");
		}
		plainFlyway(db, "replay", "1");
		db.execute("ALTER TABLE items ADD COLUMN note text"); // a hot-fix ahead of V2

		on(db, "replay").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationResult v2 = context.getBean(MigrationReportStore.class).last().orElseThrow().migrations().get(0);
			assertThat(v2.statements()).extracting(StatementResult::outcome)
				.containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.SKIPPED, Outcome.APPLIED);
			assertThat(v2.statements()).extracting(StatementResult::kind)
				.containsExactly(StatementKind.INSERT, StatementKind.UPDATE, StatementKind.ALTER_TABLE,
						StatementKind.INSERT);
		});

		assertThat(rows(db)).isEqualTo(plainRows).hasSize(4);
		assertThat(db.query("SELECT last_value || ':' || is_called FROM items_id_seq")).isEqualTo(plainSequence);
	}

	@Test
	void aLockWaitThatTimesOutIsTriedAgainUntilTheHolderLetsGo(TestDatabase db) throws Exception {
		plainFlyway(db, "lock-timeout", "1");
		ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
		try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
			// let go only once the migration has waited, and timed out, at least once
			later.submit(() -> {
				while (db.query("SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'accounts'::regclass")
					.isEmpty()) {
					Thread.sleep(20);
				}
				Thread.sleep(700);
				holder.commit();
				return null;
			});

			on(db, "lock-timeout", "idempotent-migrations.connect.lock-timeout=200ms",
					"idempotent-migrations.connect.lock-retries=20",
					"idempotent-migrations.connect.lock-retry-backoff=100ms")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
					assertThat(report.migrations()).singleElement()
						.satisfies((migration) -> assertThat(migration.lockRetries()).isPositive());
				});
		}
		finally {
			later.shutdownNow();
		}
		assertThat(db.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts'"
				+ " AND column_name = 'nickname'"))
			.containsExactly("nickname");
	}

	private static List<String> rows(TestDatabase db) {
		return db.query("SELECT id || ':' || name || ':' || coalesce(note, '-') FROM items ORDER BY id");
	}

}
