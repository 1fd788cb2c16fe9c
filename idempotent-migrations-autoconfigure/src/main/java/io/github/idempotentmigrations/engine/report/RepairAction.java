package io.github.idempotentmigrations.engine.report;

/**
 * Something the startup did to the database or its history outside of running a
 * migration.
 *
 * @param kind what was repaired
 * @param subject what it was found on, e.g. {@code V3 "add index"} or
 * {@code public.users_email_idx}
 * @param action what was done about it, for people
 */
public record RepairAction(Kind kind, String subject, String action) {

	/** What a repair acts on. */
	public enum Kind {

		/** A non-empty schema without Flyway history, adopted through a shadow. */
		UNHISTORIED_SCHEMA,
		/** A failed migration's history row, or where it resumes. */
		FAILED_MIGRATION,
		/** An applied migration edited since: its checksum realigned. */
		CHECKSUM_MISMATCH,
		/** An object missing from the expected schema, re-created. */
		DRIFT,
		/** History rows of pending migrations a person says already ran here. */
		ASSUMED_APPLIED

	}
}
