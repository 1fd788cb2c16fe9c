package io.github.idempotentmigrations.engine;

import io.github.idempotentmigrations.engine.report.MigrationReport;

/**
 * The one exception startup fails with when the database cannot be brought to the state the migrations describe.
 * It carries the full report; a failure analyzer turns it into an explanation.
 */
public class SchemaConvergenceException extends RuntimeException {

    private final transient MigrationReport report;

    public SchemaConvergenceException(String message, MigrationReport report, Throwable cause) {
        super(message, cause);
        this.report = report;
    }

    public MigrationReport report() {
        return this.report;
    }
}
