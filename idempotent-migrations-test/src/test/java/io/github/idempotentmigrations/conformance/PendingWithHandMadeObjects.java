package io.github.idempotentmigrations.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.github.idempotentmigrations.test.state.HandMadeChange;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Assumptions;

/**
 * P: migrations 1..k-1 applied by plain Flyway, and some of what migration k adds already
 * made by hand with exactly the definitions plain Flyway gives them. The starter must end
 * where plain Flyway ends from empty.
 */
final class PendingWithHandMadeObjects implements StartingState {

	private final int cuts;

	PendingWithHandMadeObjects(int cuts) {
		this.cuts = cuts;
	}

	@Override
	public String name() {
		return "P";
	}

	@Override
	public Verdict check(ConformanceSet set, Random random) {
		List<Integer> versions = CutPoints.pick(set, random, this.cuts, (added) -> true);
		Assumptions.assumeFalse(versions.isEmpty(), "no migration of " + set.set().name() + " adds an object");
		List<String> failures = new ArrayList<>();
		long starterMillis = 0;
		for (int version : versions) {
			try (TestDatabase database = TestDatabase.create()) {
				set.plainFlyway(database, version - 1);
				HandMadeChange change = HandMadeChange.create(database, set.addedBy(version), random, Optional.empty());
				String state = "P at " + CutPoints.describe(set, version) + ", " + change.describe();
				StarterRun run = set.start(database);
				starterMillis += run.time().toMillis();
				try {
					run.requireStarted();
					SnapshotAssert.alike(set.reference(), database, state);
				}
				catch (AssertionError ex) {
					failures
						.add(ex.getMessage().startsWith("Startup") ? state + ": " + ex.getMessage() : ex.getMessage());
				}
			}
		}
		if (!failures.isEmpty()) {
			throw new AssertionError(
					failures.size() + " of " + versions.size() + " cut points failed:\n" + String.join("\n", failures));
		}
		return new Verdict("k=" + versions, starterMillis);
	}

}
