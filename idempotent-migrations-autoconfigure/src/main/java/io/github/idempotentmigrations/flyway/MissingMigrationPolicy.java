package io.github.idempotentmigrations.flyway;

/** What startup does about applied migrations no longer found on the classpath. */
public enum MissingMigrationPolicy implements RepairChoice {

	/** Report them and migrate. */
	WARN,
	/** Stop startup. */
	FAIL

}
