package io.github.idempotentmigrations.conformance;

import java.util.Random;

/**
 * A state a database can be in when the application starts, built from a real migration
 * set, and the outcome the starter promises from it. New states (history dropped, objects
 * removed, connection killed...) are new implementations listed in
 * {@link ConformanceTests#STATES}.
 */
interface StartingState {

	/** One letter for the report, e.g. {@code E}. */
	String name();

	/**
	 * Builds the state on fresh databases, starts the application on it and asserts the
	 * promised outcome.
	 * @throws AssertionError with a readable difference when the starter does not keep
	 * the promise
	 */
	Verdict check(ConformanceSet set, Random random);

	/**
	 * What one check saw, for the report.
	 *
	 * @param detail what was built, e.g. cut points and hand-made objects
	 * @param starterMillis time of the starter's runs
	 */
	record Verdict(String detail, long starterMillis) {
	}

}
