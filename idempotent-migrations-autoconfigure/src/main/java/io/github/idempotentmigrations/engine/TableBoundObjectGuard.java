package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.sql.Flag;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.StatementKind;

/**
 * {@code CREATE TRIGGER} and {@code CREATE POLICY}: objects named per table. Present and equal (built on an empty
 * copy of the table and compared) means done; present and different is a conflict unless the statement says
 * {@code OR REPLACE}.
 */
final class TableBoundObjectGuard {

    private TableBoundObjectGuard() {
    }

    static Verdict apply(StatementExecution ex) throws SQLException {
        boolean trigger = ex.statement.kind() == StatementKind.CREATE_TRIGGER;
        ObjectName table = ex.qualify(ex.statement.table());
        String name = ex.statement.target().name();
        String object = table + "." + name;
        Optional<TableDetails> details = ex.catalog.table(ex.connection, table);
        String have = details.map(d -> definitions(d, trigger).get(name)).orElse(null);
        ex.run.ensure(new EnsuredObject(trigger ? EnsuredObject.Type.TRIGGER : EnsuredObject.Type.POLICY,
                table.schema(), table.name(), name));
        if (have == null) {
            ex.runAsWritten();
            ex.catalog.tableChanged(ex.connection, table);
            return Verdict.applied(object, trigger ? "trigger created" : "policy created");
        }
        int[] tableSpan = StatementRewriter.tableSpanAfterOn(ex.statement.sql());
        TableDetails probed = Probe.onEmptyCopy(ex, table, null,
                copy -> StatementRewriter.replace(ex.statement.sql(), tableSpan, copy));
        String wanted = definitions(probed, trigger).get(name);
        if (comparable(wanted, trigger).equals(comparable(have, trigger))) {
            return Verdict.skipped(object, "exists with the same definition");
        }
        if (ex.statement.has(Flag.OR_REPLACE)) {
            ex.runAsWritten();
            ex.catalog.tableChanged(ex.connection, table);
            return Verdict.applied(object, "replaced with the statement's definition");
        }
        return Verdict.conflict(object, object + " exists with another definition", wanted, have);
    }

    private static Map<String, String> definitions(TableDetails details, boolean trigger) {
        return trigger ? details.triggers() : details.policies();
    }

    /** A trigger definition names its table; drop that so the probe's copy compares equal to the real table. */
    private static String comparable(String definition, boolean trigger) {
        if (definition == null) {
            return "";
        }
        return trigger ? definition.replaceFirst(" ON \\S+ ", " ON <table> ") : definition;
    }
}
