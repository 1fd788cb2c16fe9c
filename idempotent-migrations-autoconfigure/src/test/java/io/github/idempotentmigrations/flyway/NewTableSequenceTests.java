package io.github.idempotentmigrations.flyway;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A replay leaves every sequence where plain Flyway leaves it when an {@code INSERT} goes
 * into a table the same migration created, into an older table renamed in its place, or
 * into a new table that took over an older sequence. Each migration is sent back by a
 * column added by hand ahead of it.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class NewTableSequenceTests {

	@Test
	void aTableSeededByTheMigrationThatCreatedItGetsTheIdsOfPlainFlyway(TestDatabase db) {
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "new-table-seeded", "2",
				"ALTER TABLE items ADD COLUMN note text", "SELECT id || ':' || name FROM colours ORDER BY id",
				"SELECT last_value || ':' || is_called FROM colours_id_seq");
	}

	@Test
	void aNewTableRenamedAwayLeavesItsNameToAnOlderTableWhoseSequenceIsSetBack(TestDatabase db) {
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "new-table-renamed-away", "2",
				"ALTER TABLE notes ADD COLUMN note text", "SELECT id || ':' || name FROM staging ORDER BY id",
				"SELECT last_value || ':' || is_called FROM items_id_seq");
	}

	@Test
	void anOlderSequenceANewTableTakesOverIsSetBack(TestDatabase db) {
		ReplayFidelity.assertReplayLeavesWhatPlainFlywayLeaves(db, "new-table-adopts-sequence", "2",
				"ALTER TABLE notes ADD COLUMN note text", "SELECT id || ':' || title FROM issues ORDER BY id",
				"SELECT last_value || ':' || is_called FROM ticket_numbers");
	}

}
