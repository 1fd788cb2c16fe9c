package io.github.idempotentmigrations.flyway;

import java.time.Duration;

import io.github.idempotentmigrations.engine.report.StartupMode;

/**
 * How startup treats the database, from the {@code idempotent-migrations.*} properties.
 *
 * @param mode migrate, or validate only
 * @param unhistoriedSchema policy for a non-empty schema without Flyway history
 * @param failedMigrations policy for failed history rows
 * @param invalidIndexes policy for INVALID indexes
 * @param checksumMismatches policy for applied migrations edited since
 * @param missingMigrations policy for applied migrations no longer found
 * @param drift policy for a live schema that departs from the expected schema stored beside the history
 * @param connectTimeout how long to wait for the database
 * @param initialBackoff first pause between connection attempts
 * @param maxBackoff longest pause between connection attempts
 * @param lockTimeout PostgreSQL lock_timeout for repair and migration statements; zero waits forever
 * @param shadow where adoption builds the expected schema
 * @param personsWord what a person states about this database that no catalog shows
 */
public record StartupSettings(StartupMode mode, UnhistoriedSchemaPolicy unhistoriedSchema,
        FailedMigrationPolicy failedMigrations, InvalidIndexPolicy invalidIndexes,
        ChecksumMismatchPolicy checksumMismatches, MissingMigrationPolicy missingMigrations, DriftPolicy drift,
        Duration connectTimeout, Duration initialBackoff, Duration maxBackoff, Duration lockTimeout,
        ShadowSettings shadow, PersonsWord personsWord) {

    /** The {@code SET} that makes PostgreSQL give up waiting for a lock after {@link #lockTimeout()}. */
    public String lockTimeoutSql() {
        return "SET lock_timeout = '" + this.lockTimeout.toMillis() + "ms'";
    }
}
