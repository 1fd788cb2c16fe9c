package io.github.idempotentmigrations.test;

import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.idempotentmigrations.test.StatementTrace.Traced;
import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * Starts the application on the empty database and terminates its migrating connection
 * before a seeded statement.
 */
final class KilledMidRunState implements StartingState {

	@Override
	public Reached reach(Scenario scenario, TestDatabase database, Random random) {
		List<Traced> statements = scenario.statements();
		if (statements.isEmpty()) {
			throw new IllegalStateException("The migrations run no SQL statement through Flyway: there is no moment"
					+ " to terminate the run at");
		}
		int before = 1 + random.nextInt(statements.size());
		StarterRun killed = scenario.start(database, Map.of(), StatementTrace.killingBefore(database, before));
		String moment = "the migrating connection was terminated before " + statements.get(before - 1) + " (statement "
				+ before + " of " + statements.size() + " of the run)";
		if (!killed.failed()) {
			throw new IllegalStateException(
					moment + ", yet the application started: the statement did not run on" + " that connection");
		}
		return Reached.by(moment + "; that start failed as expected (what a transactional migration had done was rolled"
				+ " back, what a non-transactional one had committed stayed), then the application started again");
	}

}
