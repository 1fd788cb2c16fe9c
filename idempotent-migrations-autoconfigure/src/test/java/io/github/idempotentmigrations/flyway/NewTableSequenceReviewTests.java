package io.github.idempotentmigrations.flyway;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A replay leaves every sequence where plain Flyway leaves it when the name of a table
 * the migration created means another, older table at the {@code INSERT} (the cases that
 * made a skip of the sequence read for new tables wrong, which was taken back), and for a
 * new partition. Each last migration is sent back by a column added by hand ahead of it.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class NewTableSequenceReviewTests {

	/**
	 * A temporary table of the session, older than the migration, is searched first: the
	 * INSERT goes into it, not into the table the migration just created.
	 */
	@Test
	void anOlderTemporaryTableOfTheSameNameKeepsThePlainFlywayIds(TestDatabase db) {
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-replay-temp-table-shadows", "3",
				"ALTER TABLE notes ADD COLUMN note text", "SELECT id || ':' || name FROM archive ORDER BY id");
	}

	/**
	 * {@code DISCARD TEMP} drops the temporary table the migration created: its name
	 * means the older table again.
	 */
	@Test
	void aTemporaryTableDiscardedLeavesItsNameToAnOlderTableWhoseSequenceIsSetBack(TestDatabase db) {
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-replay-discard-temp", "2",
				"ALTER TABLE notes ADD COLUMN note text", "SELECT id || ':' || name FROM items ORDER BY id",
				"SELECT last_value || ':' || is_called FROM items_id_seq");
	}

	/**
	 * The search_path set by {@code set_config} inside a statement that is no query (here
	 * a {@code CREATE TABLE ... AS}): the name means an older table of another schema.
	 */
	@Test
	void aSearchPathSetInsideCreateTableAsLeavesTheNameToAnOlderTable(TestDatabase db) {
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-replay-set-config-in-ctas", "2",
				"ALTER TABLE notes ADD COLUMN note text", "SELECT id || ':' || name FROM archive.items ORDER BY id",
				"SELECT last_value || ':' || is_called FROM archive.items_id_seq");
	}

	/**
	 * A new partition of a table with an identity column draws from the parent's (older)
	 * sequence (PostgreSQL 17 and later).
	 */
	@Test
	void aNewPartitionDrawsFromItsParentsOlderIdentitySequence(TestDatabase db) {
		assumeTrue(Integer.parseInt(db.query("SHOW server_version_num").get(0)) >= 170000,
				"partitions draw from their parent's identity sequence from PostgreSQL 17 on");
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-replay-partition-identity", "2",
				"ALTER TABLE notes ADD COLUMN note text", "SELECT id || ':' || kind FROM events ORDER BY id");
	}

	/**
	 * A comment ahead of {@code CREATE TABLE "Items"} names the older {@code "items"},
	 * which the {@code INSERT} goes into.
	 */
	@Test
	void aCommentAheadOfCreateTableDoesNotMakeAnOlderTableCountAsCreated(TestDatabase db) {
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-replay-comment-names-other-table", "2",
				"ALTER TABLE notes ADD COLUMN note text", "SELECT id || ':' || name FROM \"items\" ORDER BY id");
	}

}
