package io.github.idempotentmigrations.conformance;

import java.util.Random;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * E: an empty database. The starter must build what plain Flyway builds: schema, rows and
 * history.
 */
final class EmptyDatabase implements StartingState {

	@Override
	public String name() {
		return "E";
	}

	@Override
	public Verdict check(ConformanceSet set, Random random) {
		try (TestDatabase database = TestDatabase.create()) {
			StarterRun run = set.start(database).requireStarted();
			SnapshotAssert.alike(set.reference(), database, "E: starter on an empty database");
			return new Verdict(set.set().size() + " migrations from empty", run.time().toMillis());
		}
	}

}
