package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.DbObject;
import io.github.idempotentmigrations.engine.catalog.Index;
import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY]}: an absent index is built; an equal valid one is skipped; an INVALID
 * leftover of a failed concurrent build is dropped and rebuilt; a different one is a conflict. Definitions are
 * compared by building the index on an empty copy of the table, so PostgreSQL's own deparsing decides.
 */
final class IndexGuard {

    private IndexGuard() {
    }

    static Verdict apply(StatementExecution ex) throws SQLException {
        ObjectName table = ex.qualify(ex.statement.table());
        if (ex.run.createdByRun(table)) {
            // nothing on a table this run created predates the run: a name still free is built as plain Flyway would
            if (ex.statement.target() == null) {
                ex.runAsWritten();
                ex.catalog.tableChanged(ex.connection, table);
                return Verdict.applied(table.toString(), "index built");
            }
            ObjectName index = new ObjectName(table.schema(), ex.statement.target().name());
            if (ex.catalog.relation(ex.connection, index).isEmpty()) {
                build(ex, table, index, null);
                return Verdict.applied(index, "index built");
            }
        }
        Optional<TableDetails> details = ex.catalog.table(ex.connection, table);
        if (details.isEmpty()) {
            Optional<ObjectName> future = ex.run.lookahead.tableRenamedLater(table, ex.currentSchema());
            if (future.isPresent() && ex.catalog.table(ex.connection, future.get()).isPresent()) {
                table = future.get();
                details = ex.catalog.table(ex.connection, table);
            }
            else {
                ex.runAsWritten();
                return Verdict.applied(ex.statement.target(), "ran as written");
            }
        }
        if (ex.statement.target() == null) {
            return unnamed(ex, table, details.get());
        }
        ObjectName index = new ObjectName(table.schema(), ex.statement.target().name());
        Optional<DbObject> relation = ex.catalog.relation(ex.connection, index);
        if (relation.isEmpty()) {
            Optional<ObjectName> renamed = ex.run.lookahead.objectRenamedLater(index, ex.currentSchema());
            if (renamed.isPresent() && ex.catalog.relation(ex.connection, renamed.get()).isPresent()) {
                return Verdict.skipped(index, "a later statement renames it to " + renamed.get()
                        + ", which already exists");
            }
            build(ex, table, index, null);
            return Verdict.applied(index, "index built");
        }
        Index existing = details.get().indexes().get(index.name());
        if (existing == null) {
            return Verdict.conflict(index, "a " + RelationKinds.describe(relation.get().kind()) + " named " + index
                    + " exists, but not as an index on " + table, "index on " + table,
                    RelationKinds.describe(relation.get().kind()) + " " + index);
        }
        ex.ensure(EnsuredObject.Type.INDEX, index, table.name());
        if (!existing.valid()) {
            String drop = (ex.inTransaction() ? "DROP INDEX " : "DROP INDEX CONCURRENTLY ") + index.toSql();
            build(ex, table, index, drop);
            return Verdict.reconciled(index, "dropped the INVALID leftover of a failed concurrent build and rebuilt it");
        }
        if (TextualComparison.sameIndex(ex.statement.sql(), StatementRewriter.tableSpanAfterOn(ex.statement.sql()),
                existing)) {
            return Verdict.skipped(index, "index exists with the same definition");
        }
        String wanted = expectedShape(ex, table);
        if (existing.shape().equals(wanted)) {
            return Verdict.skipped(index, "index exists with the same definition");
        }
        return Verdict.conflict(index, "index " + index + " exists with another definition", wanted,
                existing.shape());
    }

    private static Verdict unnamed(StatementExecution ex, ObjectName table, TableDetails details)
            throws SQLException {
        int[] tableSpan = StatementRewriter.tableSpanAfterOn(ex.statement.sql());
        Optional<Index> equal = details.indexes().values().stream()
            .filter(i -> i.valid() && TextualComparison.sameIndex(ex.statement.sql(), tableSpan, i))
            .findFirst();
        if (equal.isEmpty()) {
            String wanted = expectedShape(ex, table);
            equal = details.indexes().values().stream().filter(i -> i.valid() && i.shape().equals(wanted)).findFirst();
        }
        if (equal.isPresent()) {
            ex.ensure(EnsuredObject.Type.INDEX, new ObjectName(table.schema(), equal.get().name()), table.name());
            return Verdict.skipped(table + "." + equal.get().name(), "an equal index already exists");
        }
        ex.runAsWritten();
        ex.catalog.tableChanged(ex.connection, table);
        return Verdict.applied(table.toString(), "index built");
    }

    /** Builds the index (re-pointed at {@code table} when it has been renamed), after an optional drop. */
    private static void build(StatementExecution ex, ObjectName table, ObjectName index, String dropFirst)
            throws SQLException {
        if (dropFirst != null) {
            ex.runDerived(dropFirst);
        }
        if (table.equals(ex.qualify(ex.statement.table()))) {
            if (dropFirst != null) {
                ex.runDerived(ex.statement.sql());
            }
            else {
                ex.runAsWritten();
            }
        }
        else {
            ex.runDerived(StatementRewriter.replace(ex.statement.sql(),
                    StatementRewriter.tableSpanAfterOn(ex.statement.sql()), table.toSql()));
        }
        ex.catalog.objectCreated(ex.connection, "relation", index, "i");
        ex.catalog.tableChanged(ex.connection, table);
        ex.ensure(EnsuredObject.Type.INDEX, index, table.name());
    }

    private static String expectedShape(StatementExecution ex, ObjectName table) throws SQLException {
        String sql = StatementRewriter.withoutConcurrently(ex.statement.sql());
        int[] tableSpan = StatementRewriter.tableSpanAfterOn(sql);
        TableDetails probed = Probe.onEmptyCopy(ex, table, null,
                copy -> StatementRewriter.replace(sql, tableSpan, copy));
        return probed.indexes().values().stream()
            .map(Index::shape)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("probe built no index for " + ex.statement.sql()));
    }
}
