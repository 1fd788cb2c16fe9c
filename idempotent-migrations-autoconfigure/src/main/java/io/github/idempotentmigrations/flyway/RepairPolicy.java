package io.github.idempotentmigrations.flyway;

/**
 * What startup does about a problem found while inspecting the database. Each
 * {@code idempotent-migrations.repair.*} key offers only the values it means: see
 * {@link RepairChoice}.
 */
public enum RepairPolicy {

	/** Repair it and record the action in the report. */
	REPAIR,
	/** Record it as a warning and go on without changing it. */
	WARN,
	/** Stop startup with an explanation. */
	FAIL

}
