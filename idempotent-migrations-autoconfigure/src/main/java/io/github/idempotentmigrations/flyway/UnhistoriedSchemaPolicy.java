package io.github.idempotentmigrations.flyway;

/** What startup does about a non-empty schema without Flyway history. */
public enum UnhistoriedSchemaPolicy implements RepairChoice {

	/** Adopt the schema: create what is missing, write the history. */
	REPAIR,
	/** Stop startup. */
	FAIL

}
