package io.github.idempotentmigrations.engine;

import java.sql.SQLException;

import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.StatementKind;

/**
 * {@code INSERT/UPDATE/DELETE/TRUNCATE/COPY}, by {@link DataStatementPolicy}. Re-running a data change can duplicate
 * rows or apply it twice, so the engine looks for evidence that the migration already ran here: its table existed
 * before this run and either the migration's schema statements found their objects present, or the run adopts a
 * schema without history and this migration changed no schema.
 */
final class DataGuard {

    static final String RUN_BY_FLYWAY = "run by Flyway (COPY data is streamed by Flyway itself)";

    private DataGuard() {
    }

    static Verdict apply(StatementExecution ex) throws SQLException {
        ObjectName table = (ex.statement.target() != null) ? ex.qualify(ex.statement.target()) : null;
        DataStatementPolicy policy = ex.run.settings.dataStatements();
        boolean alreadyRan = table != null && !ex.run.createdByRun(table)
                && (ex.run.migrationFoundSchemaPresent() || (ex.run.adopting && !ex.run.migrationChangedSchema()));
        if (policy != DataStatementPolicy.ALWAYS_RUN && alreadyRan) {
            String why = ex.run.migrationFoundSchemaPresent()
                    ? "this migration's schema changes were already present, so its data change is taken as done"
                    : "the run adopts a schema without history, so this data migration is taken as done";
            return (policy == DataStatementPolicy.FAIL)
                    ? Verdict.conflict(table, why + " (data-statements=fail refuses to decide)", "a migration run once",
                            "objects already present")
                    : Verdict.skipped(table, why);
        }
        if (ex.statement.kind() == StatementKind.COPY) {
            return Verdict.applied(table, RUN_BY_FLYWAY);
        }
        if (ex.statement.kind() != StatementKind.INSERT || ex.run.createdByRun(table)) {
            // a table this run created holds only this run's rows: a duplicate is a real error, as in plain Flyway
            ex.runAsWritten();
            return Verdict.applied(table, "data changed");
        }
        SQLException error = ex.attempt(() -> {
            ex.runAsWritten();
            return null;
        });
        if (error == null) {
            return Verdict.applied(table, "rows inserted");
        }
        if ("23505".equals(error.getSQLState())) {
            return Verdict.skipped(table, "rows already present (unique violation); nothing inserted");
        }
        throw error;
    }
}
