package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.sql.Flag;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/** {@code DROP ...}: objects already absent need nothing; present ones are dropped as the statement says. */
final class DropGuard {

    private DropGuard() {
    }

    static Verdict apply(StatementExecution ex) throws SQLException {
        String type = ex.statement.objectType();
        if (type == null || !ObjectExistence.supported(type)) {
            return FallbackGuard.apply(ex);
        }
        ObjectName table = (ex.statement.table() != null) ? ex.qualify(ex.statement.table()) : null;
        List<ObjectName> present = new ArrayList<>();
        for (ObjectName target : ex.statement.targets()) {
            ObjectName qualified = "SCHEMA".equals(type) || "EXTENSION".equals(type) || table != null ? target
                    : ex.qualify(target);
            if (ObjectExistence.exists(ex, type, qualified, table)) {
                present.add(qualified);
            }
        }
        String object = String.join(", ", ex.statement.targets().stream().map(ObjectName::toString).toList());
        if (present.isEmpty()) {
            return Verdict.skipped(object, "already absent");
        }
        if (present.size() == ex.statement.targets().size() || ex.statement.has(Flag.IF_EXISTS)) {
            ex.runAsWritten();
        }
        else {
            ex.runDerived(dropOnly(type, present, ex));
        }
        ex.catalog.invalidateAll();
        present.forEach(p -> forget(ex, type, p, table));
        return Verdict.applied(object, "dropped " + present);
    }

    private static String dropOnly(String type, List<ObjectName> present, StatementExecution ex) {
        return "DROP " + type + (ex.statement.has(Flag.CONCURRENTLY) ? " CONCURRENTLY" : "") + " IF EXISTS "
                + String.join(", ", present.stream().map(ObjectName::toSql).toList())
                + (ex.statement.has(Flag.CASCADE) ? " CASCADE" : "");
    }

    private static void forget(StatementExecution ex, String type, ObjectName name, ObjectName table) {
        EnsuredObject.Type ensured = switch (type) {
            case "TABLE", "FOREIGN TABLE" -> EnsuredObject.Type.TABLE;
            case "VIEW" -> EnsuredObject.Type.VIEW;
            case "MATERIALIZED VIEW" -> EnsuredObject.Type.MATERIALIZED_VIEW;
            case "INDEX" -> EnsuredObject.Type.INDEX;
            case "SEQUENCE" -> EnsuredObject.Type.SEQUENCE;
            case "TYPE", "DOMAIN" -> EnsuredObject.Type.TYPE;
            case "SCHEMA" -> EnsuredObject.Type.SCHEMA;
            case "EXTENSION" -> EnsuredObject.Type.EXTENSION;
            case "TRIGGER" -> EnsuredObject.Type.TRIGGER;
            case "POLICY" -> EnsuredObject.Type.POLICY;
            default -> EnsuredObject.Type.FUNCTION;
        };
        ex.run.forget(ensured, name.schema(), (table != null) ? table.name() : null, name.name());
    }
}
