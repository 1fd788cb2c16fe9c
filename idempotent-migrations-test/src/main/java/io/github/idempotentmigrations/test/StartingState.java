package io.github.idempotentmigrations.test;

import java.util.Random;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * How a {@link State} is reached on a fresh database before the application starts on it.
 */
interface StartingState {

	/**
	 * Brings {@code database} into the state; every choice comes from {@code random}, so
	 * a seed repeats it.
	 * @return what was done, and what a person who knows it tells the starter
	 */
	Reached reach(Scenario scenario, TestDatabase database, Random random);

}
