package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.Column;
import io.github.idempotentmigrations.engine.catalog.Constraint;
import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.sql.AlterAction;
import io.github.idempotentmigrations.engine.sql.Flag;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/**
 * {@code ALTER TABLE}: decides each action on its own (already in effect, to run, or a conflict) and runs only the
 * actions still needed; when every action is needed the statement runs exactly as written.
 */
final class AlterTableGuard {

    private AlterTableGuard() {
    }

    static Verdict apply(StatementExecution ex) throws SQLException {
        ObjectName table = ex.qualify(ex.statement.target());
        CreatedTable created = ex.run.createdTable(table);
        if (created != null && ex.statement.actions().stream().allMatch(created::accepts)) {
            return onTableCreatedByRun(ex, table);
        }
        String schema = ex.currentSchema();
        Optional<TableDetails> details = ex.catalog.table(ex.connection, table);
        ObjectName effective = table;
        if (details.isEmpty()) {
            Optional<ObjectName> future = ex.run.lookahead.tableRenamedLater(table, schema);
            if (future.isPresent() && ex.catalog.table(ex.connection, future.get()).isPresent()) {
                effective = future.get();
                details = ex.catalog.table(ex.connection, effective);
            }
            else if (isRenameTo(ex) && ex.catalog.table(ex.connection, renameTarget(ex, table)).isPresent()) {
                return Verdict.skipped(table, "already renamed to " + renameTarget(ex, table));
            }
            else if (ex.statement.has(Flag.IF_EXISTS)) {
                return Verdict.skipped(table, "table is absent and the statement says IF EXISTS");
            }
            else {
                ex.runAsWritten();
                return Verdict.applied(table, "ran as written");
            }
        }
        List<ActionDecision> decisions = new ArrayList<>();
        for (AlterAction action : ex.statement.actions()) {
            decisions.add(AlterActionDecider.decide(ex, effective, details.get(), action));
        }
        ensureSkipped(ex, effective, details.get(), decisions);
        return execute(ex, table, effective, decisions);
    }

    /** Nothing on a table this run created predates the run: the statement runs as written, as in plain Flyway. */
    private static Verdict onTableCreatedByRun(StatementExecution ex, ObjectName table) throws SQLException {
        ex.runAsWritten();
        afterChange(ex, table, ex.statement.actions().stream()
            .map(action -> ActionDecision.run(action, table.toString(), "ran as written"))
            .toList());
        return Verdict.applied(table, "ran as written on a table this run created");
    }

    private static Verdict execute(StatementExecution ex, ObjectName table, ObjectName effective,
            List<ActionDecision> decisions) throws SQLException {
        Optional<ActionDecision> conflict = decisions.stream().filter(d -> d.outcome == Outcome.CONFLICT).findFirst();
        if (conflict.isPresent()) {
            return Verdict.conflict(conflict.get().object, conflict.get().reason, conflict.get().expected,
                    conflict.get().actual);
        }
        List<ActionDecision> toRun = decisions.stream().filter(d -> d.outcome == Outcome.APPLIED).toList();
        if (toRun.isEmpty()) {
            return Verdict.skipped(decisions.get(0).object, reasons(decisions));
        }
        // actions with no guard of their own (ENABLE ROW LEVEL SECURITY, SET (...), ...) are idempotent in
        // PostgreSQL; comparing the table's settings before and after tells "already in effect" from "applied"
        boolean unguardedOnly = toRun.stream().allMatch(d -> d.action.kind() == AlterAction.Kind.OTHER);
        String before = unguardedOnly ? ex.catalog.tableSettingsFingerprint(ex.connection, effective) : null;
        if (toRun.size() == decisions.size() && effective.equals(table)) {
            ex.runAsWritten();
        }
        else {
            for (ActionDecision decision : toRun) {
                ex.runDerived("ALTER TABLE " + effective.toSql() + " " + decision.action.text());
            }
        }
        afterChange(ex, effective, toRun);
        if (before != null && before.equals(ex.catalog.tableSettingsFingerprint(ex.connection, effective))) {
            return Verdict.skipped(decisions.get(0).object, "already in effect: running it changed nothing");
        }
        String object = (decisions.size() == 1) ? decisions.get(0).object : table.toString();
        return (toRun.size() == decisions.size()) ? Verdict.applied(object, reasons(decisions))
                : Verdict.reconciled(object, reasons(decisions));
    }

    /**
     * What skipped actions say exists: a column found already added, a column found already renamed. A column
     * skipped because a later statement renames it away is not there, so it is not ensured.
     */
    private static void ensureSkipped(StatementExecution ex, ObjectName table, TableDetails details,
            List<ActionDecision> decisions) {
        for (ActionDecision decision : decisions) {
            AlterAction action = decision.action;
            if (decision.outcome != Outcome.SKIPPED) {
                continue;
            }
            if (action.kind() == AlterAction.Kind.ADD_COLUMN && details.columns().containsKey(action.name())) {
                ex.run.ensure(new EnsuredObject(EnsuredObject.Type.COLUMN, table.schema(), table.name(),
                        action.name()));
            }
            if (action.kind() == AlterAction.Kind.RENAME_COLUMN && details.columns().containsKey(action.newName())) {
                ex.run.forget(EnsuredObject.Type.COLUMN, table.schema(), table.name(), action.name());
                ex.run.ensure(new EnsuredObject(EnsuredObject.Type.COLUMN, table.schema(), table.name(),
                        action.newName()));
            }
        }
    }

    private static void afterChange(StatementExecution ex, ObjectName table, List<ActionDecision> ran)
            throws SQLException {
        ex.catalog.tableChanged(ex.connection, table);
        CreatedTable created = ex.run.createdTable(table);
        if (created != null) {
            ran.forEach(decision -> created.applied(decision.action));
        }
        for (ActionDecision decision : ran) {
            AlterAction action = decision.action;
            switch (action.kind()) {
                case RENAME_TABLE -> {
                    ex.catalog.invalidateAll();
                    ex.run.forget(EnsuredObject.Type.TABLE, table.schema(), null, table.name());
                    ex.ensure(EnsuredObject.Type.TABLE, new ObjectName(table.schema(), action.newName()), null);
                }
                case DROP_COLUMN -> ex.run.forget(EnsuredObject.Type.COLUMN, table.schema(), table.name(),
                        action.name());
                case RENAME_COLUMN -> {
                    ex.run.forget(EnsuredObject.Type.COLUMN, table.schema(), table.name(), action.name());
                    ex.run.ensure(new EnsuredObject(EnsuredObject.Type.COLUMN, table.schema(), table.name(),
                            action.newName()));
                }
                case ADD_COLUMN -> ex.run.ensure(new EnsuredObject(EnsuredObject.Type.COLUMN, table.schema(),
                        table.name(), action.name()));
                // these create, drop or rename relations (constraint indexes, partitions) the cache cannot foresee
                case DROP_CONSTRAINT, RENAME_CONSTRAINT, ATTACH_PARTITION, OTHER -> ex.catalog.invalidateAll();
                default -> {
                }
            }
        }
    }

    private static boolean isRenameTo(StatementExecution ex) {
        return ex.statement.actions().size() == 1
                && ex.statement.actions().get(0).kind() == AlterAction.Kind.RENAME_TABLE;
    }

    private static ObjectName renameTarget(StatementExecution ex, ObjectName table) {
        return new ObjectName(table.schema(), ex.statement.actions().get(0).newName());
    }

    private static String reasons(List<ActionDecision> decisions) {
        return String.join("; ", decisions.stream().map(d -> d.reason).toList());
    }

    /** What to do with one action. */
    record ActionDecision(AlterAction action, Outcome outcome, String object, String reason, String expected,
            String actual) {

        static ActionDecision run(AlterAction action, String object, String reason) {
            return new ActionDecision(action, Outcome.APPLIED, object, reason, null, null);
        }

        static ActionDecision skip(AlterAction action, String object, String reason) {
            return new ActionDecision(action, Outcome.SKIPPED, object, reason, null, null);
        }

        static ActionDecision conflict(AlterAction action, String object, String reason, String expected,
                String actual) {
            return new ActionDecision(action, Outcome.CONFLICT, object, reason, expected, actual);
        }
    }

    /** Helpers shared by the action decisions. */
    static Optional<Column> probeColumn(StatementExecution ex, ObjectName table, String column, boolean recreate,
            AlterAction action) throws SQLException {
        TableDetails probed = Probe.onEmptyCopy(ex, table, recreate ? column : null,
                copy -> "ALTER TABLE " + copy + " " + action.text());
        return probed.column(column);
    }

    static Optional<Constraint> probeConstraint(StatementExecution ex, ObjectName table, AlterAction action)
            throws SQLException {
        TableDetails probed = Probe.onEmptyCopy(ex, table, null, copy -> "ALTER TABLE " + copy + " " + action.text());
        if (action.name() != null) {
            return Optional.ofNullable(probed.constraints().get(action.name()));
        }
        String type = ConstraintTypes.code(action.constraintType());
        return probed.constraints().values().stream().filter(c -> c.type().equals(type)).findFirst();
    }
}
