package io.github.idempotentmigrations.flyway;

/**
 * What startup does about INVALID indexes left by failed concurrent builds that no
 * migration about to run creates. Startup never drops or reindexes one itself: an index a
 * pending migration creates is rebuilt by that migration's own statement, and any other
 * may be one a person is about to deal with.
 */
public enum InvalidIndexPolicy implements RepairChoice {

	/** Report them and leave them as they are. */
	WARN,
	/** Stop startup before changing anything. */
	FAIL

}
