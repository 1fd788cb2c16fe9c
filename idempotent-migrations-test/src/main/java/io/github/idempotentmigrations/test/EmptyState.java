package io.github.idempotentmigrations.test;

import java.util.Random;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/** Nothing to do: the database is fresh. */
final class EmptyState implements StartingState {

	@Override
	public Reached reach(Scenario scenario, TestDatabase database, Random random) {
		return Reached.by("an empty database");
	}

}
