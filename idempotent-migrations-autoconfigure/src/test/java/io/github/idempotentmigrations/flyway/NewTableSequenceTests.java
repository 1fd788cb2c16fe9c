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
 * A replay leaves every sequence where plain Flyway leaves it, also when an
 * {@code INSERT} goes into a table the same migration created: the sequences such a table
 * owns are newer than the migration's savepoint and go with it, so they need no reading
 * beforehand; unless the name came to mean another table (renamed in its place) or the
 * table took over an older sequence, which are read as before. Each migration is sent
 * back by a column added by hand ahead of it.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class NewTableSequenceTests {

	@Test
	void aTableSeededByTheMigrationThatCreatedItGetsTheIdsOfPlainFlyway(TestDatabase db) {
		assertReplayLeavesWhatPlainFlywayLeaves(db, "new-table-seeded", "ALTER TABLE items ADD COLUMN note text",
				"SELECT id || ':' || name FROM colours ORDER BY id",
				"SELECT last_value || ':' || is_called FROM colours_id_seq");
	}

	@Test
	void aNewTableRenamedAwayLeavesItsNameToAnOlderTableWhoseSequenceIsSetBack(TestDatabase db) {
		assertReplayLeavesWhatPlainFlywayLeaves(db, "new-table-renamed-away", "ALTER TABLE notes ADD COLUMN note text",
				"SELECT id || ':' || name FROM staging ORDER BY id",
				"SELECT last_value || ':' || is_called FROM items_id_seq");
	}

	@Test
	void anOlderSequenceANewTableTakesOverIsSetBack(TestDatabase db) {
		assertReplayLeavesWhatPlainFlywayLeaves(db, "new-table-adopts-sequence",
				"ALTER TABLE notes ADD COLUMN note text", "SELECT id || ':' || title FROM issues ORDER BY id",
				"SELECT last_value || ':' || is_called FROM ticket_numbers");
	}

	private static void assertReplayLeavesWhatPlainFlywayLeaves(TestDatabase db, String scenario, String handMade,
			String... queries) {
		List<List<String>> expected = new ArrayList<>();
		try (TestDatabase reference = TestDatabase.create()) {
			plainFlyway(reference, scenario, "2");
			for (String query : queries) {
				expected.add(reference.query(query));
			}
		}
		plainFlyway(db, scenario, "1");
		db.execute(handMade);

		on(db, scenario).run((context) -> assertThat(context).hasNotFailed());

		for (int i = 0; i < queries.length; i++) {
			assertThat(db.query(queries[i])).as(queries[i]).isEqualTo(expected.get(i)).isNotEmpty();
		}
	}

}
