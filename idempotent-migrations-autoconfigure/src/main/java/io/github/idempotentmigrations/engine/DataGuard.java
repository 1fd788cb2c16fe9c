package io.github.idempotentmigrations.engine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.StatementKind;

/**
 * {@code INSERT/UPDATE/DELETE/TRUNCATE/COPY}, by {@link DataStatementPolicy}. Re-running a data change can duplicate
 * rows or apply it twice, so the engine looks for evidence that the migration already ran here: its table existed
 * before this run and holds rows, and either the migration's schema statements found their objects present, or the
 * run adopts a schema without history and this migration changed no schema.
 */
final class DataGuard {

    private DataGuard() {
    }

    /** An empty table cannot hold the rows of an earlier run: running the statement there duplicates nothing. */
    private static boolean hasRows(StatementExecution ex, ObjectName table) throws SQLException {
        try (Statement query = ex.connection.createStatement();
                ResultSet rs = query.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table.toSql() + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    static Verdict apply(StatementExecution ex) throws SQLException {
        ObjectName table = (ex.statement.target() != null) ? ex.qualify(ex.statement.target()) : null;
        DataStatementPolicy policy = ex.run.settings.dataStatements();
        boolean alreadyRan = table != null && !ex.run.createdByRun(table)
                && (ex.run.migrationFoundSchemaPresent() || (ex.run.adopting && !ex.run.migrationChangedSchema()))
                && hasRows(ex, table);
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
            // the data is streamed by Flyway itself: EngineRun.flywayExecutes lets it run the statement
            return Verdict.applied(table, "run by Flyway (COPY data is streamed by Flyway itself)");
        }
        // a table this run created holds only this run's rows: a duplicate there is a real error, as in plain Flyway
        if (ex.statement.kind() != StatementKind.INSERT || ex.run.createdByRun(table)) {
            return changed(table, ex.runCountingRows());
        }
        long[] rows = new long[1];
        SQLException error = ex.attempt(() -> {
            rows[0] = ex.runCountingRows();
            return null;
        });
        if (error == null) {
            return changed(table, rows[0]);
        }
        if ("23505".equals(error.getSQLState())) {
            return Verdict.skipped(table, "rows already present (unique violation); nothing inserted");
        }
        throw error;
    }

    private static Verdict changed(ObjectName table, long rows) {
        return (rows == 0) ? Verdict.skipped(table, "ran: no rows to change") : Verdict.applied(table, rows + " rows changed");
    }
}
