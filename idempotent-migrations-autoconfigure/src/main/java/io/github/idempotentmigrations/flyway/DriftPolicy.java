package io.github.idempotentmigrations.flyway;

/**
 * What startup does when the live schema departs from the expected schema stored beside
 * the history.
 */
public enum DriftPolicy implements RepairChoice {

	/**
	 * Re-create missing objects from the expected definitions; report objects that differ
	 * or are extra.
	 */
	REPAIR,
	/** Report it and leave the schema as it is. */
	WARN,
	/** Stop startup before changing anything. */
	FAIL

}
