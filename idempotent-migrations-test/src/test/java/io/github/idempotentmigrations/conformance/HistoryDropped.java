package io.github.idempotentmigrations.conformance;

import java.util.List;
import java.util.Random;

import io.github.idempotentmigrations.test.state.LeafObjects;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Assumptions;

/**
 * F and D: plain Flyway applied everything, a user added a few rows, then the history
 * table was dropped (a restored dump, a schema built by another tool); in D a seeded
 * fifth of the leaf objects is removed as well. The starter must adopt: plain Flyway's
 * catalog and history, and the rows of every table exactly as they were.
 */
final class HistoryDropped implements StartingState {

	private final String name;

	private final boolean leavesRemoved;

	private HistoryDropped(String name, boolean leavesRemoved) {
		this.name = name;
		this.leavesRemoved = leavesRemoved;
	}

	/** F: the whole schema and its data present. */
	static HistoryDropped whole() {
		return new HistoryDropped("F", false);
	}

	/** D: a fifth of the leaf objects missing as well. */
	static HistoryDropped withLeavesRemoved() {
		return new HistoryDropped("D", true);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public Verdict check(ConformanceSet set, Random random) {
		try (TestDatabase database = set.migratedCopy()) {
			List<String> inserts = UserRows.add(database, random);
			database.execute("DROP TABLE flyway_schema_history");
			String state = this.name + ": history dropped, " + inserts.size() + " user rows " + inserts;
			if (this.leavesRemoved) {
				List<String> drops = LeafObjects.dropAFifth(database, random);
				Assumptions.assumeFalse(drops.isEmpty(), set.set().name() + " has no leaf object to remove");
				state += ", " + drops.size() + " leaf objects removed " + drops;
			}
			DatabaseSnapshot before = DatabaseSnapshot.of(database);
			StarterRun run = set.start(database);
			try {
				run.requireStarted();
			}
			catch (AssertionError ex) {
				throw new AssertionError(state + ": " + ex.getMessage(), ex);
			}
			DatabaseSnapshot after = DatabaseSnapshot.of(database);
			DatabaseSnapshot reference = set.reference();
			// catalog and history from plain Flyway; the rows the database had, untouched
			SnapshotAssert.alike(new DatabaseSnapshot(reference.catalog(), before.userRows(), reference.history()),
					new DatabaseSnapshot(after.catalog(), after.userRows(), after.history()), database, state);
			return new Verdict(state, run.time().toMillis());
		}
	}

}
