package io.github.idempotentmigrations.flyway;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A replay leaves every sequence where plain Flyway leaves it when an {@code INSERT}
 * draws from a sequence its table does not own: a partition's (at any depth, attached or
 * quoted) from its root's, an inheriting table's from its parent's, a view's from its
 * table's. Each last migration is sent back by a column added by hand ahead of it.
 * (bigserial: a partition's default calls its root's sequence on every supported
 * PostgreSQL.)
 */
@ExtendWith(PostgresDatabaseExtension.class)
class SequenceAncestorsReviewTests {

	@Test
	void aLeafPartitionTwoLevelsDownReadsItsRootsSequence(TestDatabase db) {
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-ancestors-multi-level", "2",
				"ALTER TABLE notes ADD COLUMN note text", "SELECT id || ':' || kind FROM events ORDER BY id",
				"SELECT last_value || ':' || is_called FROM events_id_seq");
	}

	@Test
	void aPartitionAttachedInTheSameMigrationReadsItsParentsSequence(TestDatabase db) {
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-ancestors-attached", "2",
				"ALTER TABLE notes ADD COLUMN note text", "SELECT id || ':' || kind FROM events ORDER BY id",
				"SELECT last_value || ':' || is_called FROM events_id_seq");
	}

	@Test
	void aQuotedMixedCasePartitionInAQuotedSchemaReadsItsParentsSequence(TestDatabase db) {
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-ancestors-quoted", "2",
				"ALTER TABLE notes ADD COLUMN note text",
				"SELECT id || ':' || kind FROM \"App.Data\".\"Events\" ORDER BY id",
				"SELECT last_value || ':' || is_called FROM \"App.Data\".\"Events_id_seq\"");
	}

	/**
	 * Table inheritance (not partitioning): the inheriting table's default calls the
	 * parent's sequence.
	 */
	@Test
	void anInheritingTablesInsertDrawsFromItsParentsSequence(TestDatabase db) {
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-inherits-parent", "2",
				"ALTER TABLE notes ADD COLUMN note text", "SELECT id || ':' || name FROM items ORDER BY id",
				"SELECT last_value || ':' || is_called FROM items_id_seq");
	}

	/** An INSERT through a simple view advances its base table's sequence. */
	@Test
	void anInsertThroughAViewDrawsFromItsBaseTablesSequence(TestDatabase db) {
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-insert-through-view", "2",
				"ALTER TABLE notes ADD COLUMN note text", "SELECT id || ':' || name FROM items ORDER BY id",
				"SELECT last_value || ':' || is_called FROM items_id_seq");
	}

}
