package io.github.idempotentmigrations.flyway;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.report.MigrationReport;

/** Startup stopped before changing anything: Flyway's connection goes through a pooler in transaction mode. */
public final class TransactionPoolerException extends SchemaConvergenceException {

    TransactionPoolerException(String message, MigrationReport report) {
        super(message, report, null);
    }
}
