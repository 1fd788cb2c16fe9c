package io.github.idempotentmigrations.engine;

import java.sql.SQLException;

import io.github.idempotentmigrations.engine.sql.ObjectName;

/**
 * {@code ALTER INDEX/VIEW/SEQUENCE/TYPE/... RENAME TO}: done when the old name is gone and the new one present.
 */
final class RenameGuard {

    private RenameGuard() {
    }

    static Verdict apply(StatementExecution ex) throws SQLException {
        ObjectName from = ex.qualify(ex.statement.target());
        ObjectName to = new ObjectName(from.schema(), ex.statement.newName());
        String type = (ex.statement.objectType() != null) ? ex.statement.objectType() : "INDEX";
        boolean fromExists = ObjectExistence.exists(ex, type, from, null);
        boolean toExists = ObjectExistence.exists(ex, type, to, null);
        if (!fromExists && toExists) {
            return Verdict.skipped(from, "already renamed to " + to);
        }
        if (fromExists && toExists) {
            return Verdict.conflict(from, "both " + from + " and " + to + " exist", type.toLowerCase() + " " + to
                    + " only", type.toLowerCase() + "s " + from + " and " + to);
        }
        ex.runAsWritten();
        ex.catalog.invalidateAll();
        return Verdict.applied(from, "renamed to " + to);
    }
}
