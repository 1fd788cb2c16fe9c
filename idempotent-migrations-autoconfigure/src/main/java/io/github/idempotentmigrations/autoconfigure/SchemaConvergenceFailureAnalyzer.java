package io.github.idempotentmigrations.autoconfigure;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link SchemaConvergenceException} into Boot's "APPLICATION FAILED TO START" description and action. */
class SchemaConvergenceFailureAnalyzer extends AbstractFailureAnalyzer<SchemaConvergenceException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SchemaConvergenceException cause) {
        return new FailureAnalysis("The database schema could not be brought to the state the migrations describe: "
                + cause.getMessage(),
                "Fix the cause above in the database or the migration, then restart; nothing was half-done.", cause);
    }
}
