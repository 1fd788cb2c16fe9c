package io.github.idempotentmigrations.engine;

import java.sql.SQLException;

import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/** {@code CREATE TABLE ... AS} / {@code SELECT ... INTO}: the table holds data, so an existing one is left alone. */
final class TableAsGuard {

    private TableAsGuard() {
    }

    static Verdict apply(StatementExecution ex) throws SQLException {
        if (ex.statement.target() == null) {
            return FallbackGuard.apply(ex);
        }
        ObjectName table = ex.qualify(ex.statement.target());
        ex.ensure(EnsuredObject.Type.TABLE, table, null);
        if (ex.catalog.relation(ex.connection, table).isPresent()) {
            return Verdict.skipped(table, "table already exists; its rows are left as they are");
        }
        ex.runAsWritten();
        ex.catalog.objectCreated(ex.connection, "relation", table, "r");
        ex.run.tableCreated(table);
        return Verdict.applied(table, "table created from query");
    }
}
