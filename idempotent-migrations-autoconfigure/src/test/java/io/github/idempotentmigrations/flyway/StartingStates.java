package io.github.idempotentmigrations.flyway;

import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.FlywayException;

import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Real starting states an earlier deployment can leave behind, built with plain Flyway
 * and real failing statements on the {@code concurrent-index} scenario (V1 creates and
 * fills accounts, V2 builds a unique index concurrently).
 */
final class StartingStates {

	private StartingStates() {
	}

	/**
	 * V2 was killed half-way: its concurrent build failed on duplicate rows, leaving the
	 * index INVALID and a failed history row; the duplicates were cleaned up since.
	 */
	static void migrationKilledHalfWay(TestDatabase db) {
		plainFlyway(db, "concurrent-index", "1");
		db.execute("INSERT INTO accounts VALUES (3, 'ann@example.com')");
		// PostgreSQL keeps the INVALID index; Flyway records the non-transactional
		// migration as failed.
		assertThatExceptionOfType(FlywayException.class).isThrownBy(() -> plainFlyway(db, "concurrent-index", "2"));
		db.execute("DELETE FROM accounts WHERE id = 3");
	}

	/**
	 * V2 is applied, but its index was later left INVALID by a failed concurrent rebuild
	 * by hand.
	 */
	static void invalidIndexOfAppliedMigration(TestDatabase db) {
		plainFlyway(db, "concurrent-index", "2");
		db.execute("DROP INDEX accounts_email_key");
		invalidIndexByHand(db, "accounts", "CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email)");
	}

	/**
	 * Only V1 is applied; someone tried V2's index by hand ahead of it and left it
	 * INVALID.
	 */
	static void invalidIndexAheadOfItsMigration(TestDatabase db) {
		plainFlyway(db, "concurrent-index", "1");
		invalidIndexByHand(db, "accounts", "CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email)");
	}

	/**
	 * Runs a unique concurrent build by hand on {@code table} (id, email) while it holds
	 * a duplicate email: the build fails and leaves its index INVALID; the duplicate is
	 * removed again.
	 */
	static void invalidIndexByHand(TestDatabase db, String table, String createIndex) {
		db.execute("INSERT INTO " + table + " VALUES (3, 'ann@example.com'), (4, 'ann@example.com')");
		assertThatIllegalStateException().isThrownBy(() -> db.execute(createIndex));
		db.execute("DELETE FROM " + table + " WHERE id IN (3, 4)");
	}

}
