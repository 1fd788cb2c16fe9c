package io.github.idempotentmigrations.flyway;

/**
 * The policy for each kind of thing inspection finds, from the
 * {@code idempotent-migrations.repair.*} properties.
 *
 * @param unhistoriedSchema policy for a non-empty schema without Flyway history
 * @param failedMigrations policy for failed history rows
 * @param invalidIndexes policy for INVALID indexes
 * @param checksumMismatches policy for applied migrations edited since
 * @param missingMigrations policy for applied migrations no longer found
 * @param drift policy for a live schema that departs from the expected schema stored
 * beside the history
 */
public record RepairSettings(UnhistoriedSchemaPolicy unhistoriedSchema, FailedMigrationPolicy failedMigrations,
		InvalidIndexPolicy invalidIndexes, ChecksumMismatchPolicy checksumMismatches,
		MissingMigrationPolicy missingMigrations, DriftPolicy drift) {
}
