package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.Column;
import io.github.idempotentmigrations.engine.catalog.Constraint;
import io.github.idempotentmigrations.engine.catalog.DbObject;
import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.sql.Flag;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.TableElement;

/**
 * {@code CREATE TABLE}: creates an absent table; for an existing one, lets PostgreSQL build the statement's table in
 * a probe, adds the columns and constraints the real table lacks, and reports what differs. Never a silent skip:
 * {@code IF NOT EXISTS} alone would leave missing columns missing.
 */
final class CreateTableGuard {

    private CreateTableGuard() {
    }

    static Verdict apply(StatementExecution ex) throws SQLException {
        if (ex.statement.has(Flag.TEMPORARY)) {
            ex.runAsWritten();
            return Verdict.applied(ex.statement.target(), "temporary table created");
        }
        ObjectName table = ex.qualify(ex.statement.target());
        Optional<DbObject> relation = ex.catalog.relation(ex.connection, table);
        if (relation.isEmpty()) {
            return create(ex, table);
        }
        if (!"rp".contains(relation.get().kind())) {
            return Verdict.conflict(table, "a " + RelationKinds.describe(relation.get().kind()) + " named " + table
                    + " exists where the statement creates a table", "table " + table,
                    RelationKinds.describe(relation.get().kind()) + " " + table);
        }
        ensureTable(ex, table);
        if (ex.statement.has(Flag.PARTITION_OF)) {
            return Verdict.skipped(table, "partition already exists");
        }
        return reconcile(ex, table);
    }

    private static Verdict create(StatementExecution ex, ObjectName table) throws SQLException {
        Optional<ObjectName> future = ex.run.lookahead.tableRenamedLater(table, ex.currentSchema());
        if (future.isPresent() && ex.catalog.table(ex.connection, future.get()).isPresent()) {
            return Verdict.skipped(table, "a later statement renames it to " + future.get() + ", which already exists");
        }
        ex.runAsWritten();
        ex.catalog.objectCreated(ex.connection, "relation", table, "r");
        ex.run.tableCreated(table, new CreatedTable(ex.statement.elements()));
        ensureTable(ex, table);
        return Verdict.applied(table, "table created");
    }

    private static Verdict reconcile(StatementExecution ex, ObjectName table) throws SQLException {
        String schema = ex.currentSchema();
        TableDetails expected = Probe.createdTable(ex, table.name());
        TableDetails actual = ex.catalog.table(ex.connection, table).orElseThrow();
        List<String> added = new ArrayList<>();
        List<String> expectedDiffs = new ArrayList<>();
        List<String> actualDiffs = new ArrayList<>();
        for (Column want : expected.columns().values()) {
            Optional<Column> have = actual.column(want.name());
            if (have.isEmpty()) {
                if (!columnGoesAwayLater(ex, table, want.name(), actual, schema)) {
                    ex.runDerived("ALTER TABLE " + table.toSql() + " ADD COLUMN " + columnText(ex, want.name()));
                    added.add("column " + want.name());
                }
            }
            else if (!Normalize.column(want, table.schema()).sameDefinitionAs(Normalize.column(have.get(), table.schema()))
                    && !ex.run.lookahead.columnChangedLater(table, want.name(), schema)) {
                expectedDiffs.add(want.definition());
                actualDiffs.add(have.get().definition());
            }
        }
        if (!added.isEmpty()) {
            ex.catalog.tableChanged(ex.connection, table);
            actual = ex.catalog.table(ex.connection, table).orElseThrow();
        }
        for (Constraint want : expected.constraints().values()) {
            if ("n".equals(want.type()) || hasEquivalent(actual, want)) {
                continue;
            }
            Constraint sameName = actual.constraints().get(want.name());
            if (ex.run.lookahead.constraintChangedLater(table, want.name(), schema)) {
                continue;
            }
            if (sameName != null) {
                expectedDiffs.add("CONSTRAINT " + want.name() + " " + want.comparableDefinition());
                actualDiffs.add("CONSTRAINT " + sameName.name() + " " + sameName.comparableDefinition());
                continue;
            }
            ex.runDerived("ALTER TABLE " + table.toSql() + " ADD CONSTRAINT " + ObjectName.quote(want.name()) + " "
                    + want.definition());
            added.add("constraint " + want.name());
        }
        if (!added.isEmpty()) {
            ex.catalog.tableChanged(ex.connection, table);
        }
        if (!expectedDiffs.isEmpty()) {
            return Verdict.conflict(table, "table " + table + " exists but differs from the statement"
                    + (added.isEmpty() ? "" : " (added " + String.join(", ", added) + ")"),
                    String.join("; ", expectedDiffs), String.join("; ", actualDiffs));
        }
        String extra = extraColumns(expected, actual);
        if (!added.isEmpty()) {
            return Verdict.reconciled(table, "table existed; added missing " + String.join(", ", added) + extra);
        }
        return Verdict.skipped(table, "table exists with every column and constraint of the statement" + extra);
    }

    /** Whether a missing column is renamed (to a present name) or dropped by a later statement. */
    private static boolean columnGoesAwayLater(StatementExecution ex, ObjectName table, String column,
            TableDetails actual, String schema) {
        Optional<String> renamed = ex.run.lookahead.columnRenamedLater(table, column, schema);
        return (renamed.isPresent() && actual.columns().containsKey(renamed.get()))
                || ex.run.lookahead.columnDroppedLater(table, column, schema);
    }

    private static boolean hasEquivalent(TableDetails actual, Constraint want) {
        return actual.constraints().values().stream()
            .anyMatch(c -> c.type().equals(want.type())
                    && c.comparableDefinition().equals(want.comparableDefinition()));
    }

    private static String columnText(StatementExecution ex, String column) {
        return ex.statement.elements().stream()
            .filter(e -> e.type() == TableElement.Type.COLUMN && column.equals(e.name()))
            .map(TableElement::text)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("column " + column + " not found in the statement"));
    }

    private static String extraColumns(TableDetails expected, TableDetails actual) {
        List<String> extra = actual.columns().keySet().stream()
            .filter(c -> !expected.columns().containsKey(c))
            .toList();
        return extra.isEmpty() ? "" : "; it also has columns the statement does not name: " + String.join(", ", extra);
    }

    private static void ensureTable(StatementExecution ex, ObjectName table) {
        ex.ensure(EnsuredObject.Type.TABLE, table, null);
        for (TableElement element : ex.statement.elements()) {
            if (element.type() == TableElement.Type.COLUMN
                    && !ex.run.lookahead.columnChangedLater(table, element.name(), table.schema())) {
                ex.run.ensure(new EnsuredObject(EnsuredObject.Type.COLUMN, table.schema(), table.name(),
                        element.name()));
            }
        }
    }
}
