package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.DbObject;
import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/** {@code CREATE TYPE ... AS ENUM} and {@code ALTER TYPE ... ADD VALUE / RENAME VALUE}: compared label by label. */
final class EnumTypeGuard {

    private EnumTypeGuard() {
    }

    static Verdict create(StatementExecution ex) throws SQLException {
        ObjectName type = ex.qualify(ex.statement.target());
        Optional<DbObject> existing = ex.catalog.type(ex.connection, type);
        List<String> wanted = StatementRewriter.enumLabels(ex.statement.sql());
        if (existing.isEmpty()) {
            Optional<ObjectName> renamed = ex.run.lookahead.objectRenamedLater(type, ex.currentSchema());
            if (renamed.isPresent() && ex.catalog.type(ex.connection, renamed.get()).isPresent()) {
                return Verdict.skipped(type, "a later statement renames it to " + renamed.get()
                        + ", which already exists");
            }
            ex.runAsWritten();
            ex.catalog.objectCreated(ex.connection, "type", type, "e");
            for (String label : wanted) {
                ex.catalog.enumLabelAdded(ex.connection, type, label);
            }
            ensure(ex, type, wanted);
            return Verdict.applied(type, "enum type created");
        }
        if (!"e".equals(existing.get().kind())) {
            return Verdict.conflict(type, "a type named " + type + " exists but is not an enum",
                    "enum " + wanted, "type of kind " + existing.get().kind());
        }
        List<String> have = labels(existing.get());
        List<String> later = ex.run.lookahead.enumValuesAddedLater(type, ex.currentSchema());
        List<String> missing = wanted.stream().filter(l -> !have.contains(l)).toList();
        List<String> unexplained = have.stream().filter(l -> !wanted.contains(l) && !later.contains(l)).toList();
        ensure(ex, type, wanted);
        if (!unexplained.isEmpty()) {
            return Verdict.conflict(type, "enum " + type + " has labels the migrations do not define: " + unexplained,
                    String.join(", ", wanted), String.join(", ", have));
        }
        if (missing.isEmpty()) {
            return Verdict.skipped(type, "enum type exists with every label");
        }
        for (String label : missing) {
            ex.runDerived("ALTER TYPE " + type.toSql() + " ADD VALUE IF NOT EXISTS " + literal(label));
            ex.catalog.enumLabelAdded(ex.connection, type, label);
        }
        return Verdict.reconciled(type, "enum type existed; added missing labels " + missing);
    }

    static Verdict addValue(StatementExecution ex) throws SQLException {
        ObjectName type = ex.qualify(ex.statement.target());
        Optional<DbObject> existing = ex.catalog.type(ex.connection, type);
        String label = ex.statement.newName();
        if (existing.isPresent() && labels(existing.get()).contains(label)) {
            ensure(ex, type, List.of(label));
            return Verdict.skipped(type + "." + label, "enum label already present");
        }
        ex.runAsWritten();
        ex.catalog.enumLabelAdded(ex.connection, type, label);
        ensure(ex, type, List.of(label));
        return Verdict.applied(type + "." + label, "enum label added");
    }

    static Verdict renameValue(StatementExecution ex) throws SQLException {
        ObjectName type = ex.qualify(ex.statement.target());
        Optional<DbObject> existing = ex.catalog.type(ex.connection, type);
        String label = ex.statement.newName();
        if (existing.isPresent() && labels(existing.get()).contains(label)) {
            return Verdict.skipped(type + "." + label, "enum label already renamed");
        }
        ex.runAsWritten();
        ex.catalog.invalidateAll();
        return Verdict.applied(type + "." + label, "enum label renamed");
    }

    private static List<String> labels(DbObject type) {
        return (type.detail() == null) ? List.of() : new ArrayList<>(Arrays.asList(type.detail().split("\n")));
    }

    private static void ensure(StatementExecution ex, ObjectName type, List<String> labels) {
        ex.ensure(EnsuredObject.Type.TYPE, type, null);
        labels.forEach(l -> ex.run.ensure(new EnsuredObject(EnsuredObject.Type.ENUM_VALUE, type.schema(), type.name(), l)));
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
