package io.github.idempotentmigrations.flyway;

/** What startup does about failed history rows. */
public enum FailedMigrationPolicy implements RepairChoice {

	/** Remove the failed rows and run their migrations again through the engine. */
	REPAIR,
	/** Stop startup. */
	FAIL

}
