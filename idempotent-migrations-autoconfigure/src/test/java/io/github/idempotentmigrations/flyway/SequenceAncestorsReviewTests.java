package io.github.idempotentmigrations.flyway;

import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Second review of "a partition's INSERT reads its partitioned ancestors' sequences": a
 * replay must leave every sequence where plain Flyway leaves it. Each last migration is
 * sent back by a column added by hand ahead of it. (bigserial: a partition's default
 * calls its root's sequence on every supported PostgreSQL.)
 */
@ExtendWith(PostgresDatabaseExtension.class)
class SequenceAncestorsReviewTests {

	@Test
	void aLeafPartitionTwoLevelsDownReadsItsRootsSequence(TestDatabase db) {
		assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-ancestors-multi-level",
				"SELECT id || ':' || kind FROM events ORDER BY id",
				"SELECT last_value || ':' || is_called FROM events_id_seq");
	}

	@Test
	void aPartitionAttachedInTheSameMigrationReadsItsParentsSequence(TestDatabase db) {
		assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-ancestors-attached",
				"SELECT id || ':' || kind FROM events ORDER BY id",
				"SELECT last_value || ':' || is_called FROM events_id_seq");
	}

	@Test
	void aQuotedMixedCasePartitionInAQuotedSchemaReadsItsParentsSequence(TestDatabase db) {
		assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-ancestors-quoted",
				"SELECT id || ':' || kind FROM \"App.Data\".\"Events\" ORDER BY id",
				"SELECT last_value || ':' || is_called FROM \"App.Data\".\"Events_id_seq\"");
	}

	/**
	 * Table inheritance (not partitioning): the inheriting table's default calls the
	 * parent's sequence, which pg_partition_ancestors does not list.
	 */
	@Test
	void anInheritingTablesInsertDrawsFromItsParentsSequence(TestDatabase db) {
		assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-inherits-parent",
				"SELECT id || ':' || name FROM items ORDER BY id",
				"SELECT last_value || ':' || is_called FROM items_id_seq");
	}

	/** An INSERT through a simple view advances its base table's sequence. */
	@Test
	void anInsertThroughAViewDrawsFromItsBaseTablesSequence(TestDatabase db) {
		assertReplayLeavesWhatPlainFlywayLeaves(db, "seq-insert-through-view",
				"SELECT id || ':' || name FROM items ORDER BY id",
				"SELECT last_value || ':' || is_called FROM items_id_seq");
	}

	private static void assertReplayLeavesWhatPlainFlywayLeaves(TestDatabase db, String scenario, String... queries) {
		List<List<String>> expected = new ArrayList<>();
		try (TestDatabase reference = TestDatabase.create()) {
			plainFlyway(reference, scenario, "2");
			for (String query : queries) {
				expected.add(reference.query(query));
			}
		}
		plainFlyway(db, scenario, "1");
		db.execute("ALTER TABLE notes ADD COLUMN note text");

		on(db, scenario).run((context) -> assertThat(context).hasNotFailed());

		for (int i = 0; i < queries.length; i++) {
			assertThat(db.query(queries[i])).as(queries[i]).isEqualTo(expected.get(i)).isNotEmpty();
		}
	}

}
