package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.engine.AlterTableGuard.ActionDecision;
import io.github.idempotentmigrations.engine.catalog.Column;
import io.github.idempotentmigrations.engine.catalog.Constraint;
import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.sql.AlterAction;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.SqlLexer;
import io.github.idempotentmigrations.engine.sql.Token;

/** Decides one {@code ALTER TABLE} action against the table as the catalog describes it. */
final class AlterActionDecider {

    private static final String UNDEFINED_COLUMN = "42703";

    private AlterActionDecider() {
    }

    static ActionDecision decide(StatementExecution ex, ObjectName table, TableDetails details, AlterAction action)
            throws SQLException {
        String column = table + "." + action.name();
        return switch (action.kind()) {
            case ADD_COLUMN -> addColumn(ex, table, details, action, column);
            case DROP_COLUMN -> details.columns().containsKey(action.name())
                    ? ActionDecision.run(action, column, "column dropped")
                    : ActionDecision.skip(action, column, "column already absent");
            case ALTER_COLUMN_TYPE, ALTER_COLUMN_SET_DEFAULT, ALTER_COLUMN_DROP_DEFAULT, ALTER_COLUMN_SET_NOT_NULL,
                    ALTER_COLUMN_DROP_NOT_NULL, ALTER_COLUMN_ADD_IDENTITY -> alterColumn(ex, table, details, action,
                            column);
            case ADD_CONSTRAINT -> addConstraint(ex, table, details, action);
            case DROP_CONSTRAINT -> details.constraints().containsKey(action.name())
                    ? ActionDecision.run(action, table + "." + action.name(), "constraint dropped")
                    : ActionDecision.skip(action, table + "." + action.name(), "constraint already absent");
            case RENAME_COLUMN -> rename(action, column, details.columns().containsKey(action.name()),
                    details.columns().containsKey(action.newName()), "column");
            case RENAME_CONSTRAINT -> rename(action, table + "." + action.name(),
                    details.constraints().containsKey(action.name()),
                    details.constraints().containsKey(action.newName()), "constraint");
            case RENAME_TABLE -> ex.catalog.table(ex.connection, new ObjectName(table.schema(), action.newName()))
                .isPresent()
                    ? ActionDecision.conflict(action, table.toString(), "both " + table + " and its new name "
                            + action.newName() + " exist", "table " + action.newName(), "tables " + table + " and "
                            + action.newName())
                    : ActionDecision.run(action, table.toString(), "table renamed to " + action.newName());
            case ATTACH_PARTITION -> attach(ex, table, action);
            case OTHER -> ActionDecision.run(action, table.toString(), "ran as written");
        };
    }

    private static ActionDecision addColumn(StatementExecution ex, ObjectName table, TableDetails details,
            AlterAction action, String column) throws SQLException {
        Optional<Column> have = details.column(action.name());
        String schema = ex.currentSchema();
        if (have.isEmpty()) {
            Optional<String> renamed = ex.run.lookahead.columnRenamedLater(table, action.name(), schema);
            if (renamed.isPresent() && details.columns().containsKey(renamed.get())) {
                return ActionDecision.skip(action, column,
                        "a later statement renames it to " + renamed.get() + ", which already exists");
            }
            return ActionDecision.run(action, column, "column added");
        }
        String definition = StatementRewriter.afterTokens(StatementRewriter.columnDefinitionOfAddAction(action.text()), 1);
        if (TextualComparison.sameSimpleColumn(definition, have.get())) {
            return ActionDecision.skip(action, column, "column already exists with the same definition");
        }
        Optional<Column> want = AlterTableGuard.probeColumn(ex, table, action.name(), true, action);
        if (want.isPresent() && Normalize.column(want.get(), table.schema())
            .sameDefinitionAs(Normalize.column(have.get(), table.schema()))) {
            return ActionDecision.skip(action, column, "column already exists with the same definition");
        }
        if (ex.run.lookahead.columnChangedLater(table, action.name(), schema)) {
            return ActionDecision.skip(action, column,
                    "column exists; a later statement changes it, so its current definition is not compared");
        }
        return ActionDecision.conflict(action, column, "column " + column + " exists with another definition",
                want.map(Column::definition).orElse(action.text()), have.get().definition());
    }

    private static ActionDecision alterColumn(StatementExecution ex, ObjectName table, TableDetails details,
            AlterAction action, String column) throws SQLException {
        Optional<Column> have = details.column(action.name());
        if (have.isEmpty()) {
            String schema = ex.currentSchema();
            boolean goesAway = ex.run.lookahead.columnRenamedLater(table, action.name(), schema).isPresent()
                    || ex.run.lookahead.columnDroppedLater(table, action.name(), schema);
            return goesAway ? ActionDecision.skip(action, column, "column is renamed or dropped later in this run")
                    : ActionDecision.run(action, column, "ran as written");
        }
        Column current = have.get();
        if (ex.run.createdByRun(table)) {
            // nothing here predates the run, so there is no earlier state to compare against
            return ActionDecision.run(action, column, "column altered");
        }
        boolean inEffect = switch (action.kind()) {
            case ALTER_COLUMN_DROP_DEFAULT -> current.defaultExpression() == null;
            case ALTER_COLUMN_SET_NOT_NULL -> current.notNull();
            case ALTER_COLUMN_DROP_NOT_NULL -> !current.notNull();
            case ALTER_COLUMN_ADD_IDENTITY -> !current.identity().isEmpty();
            case ALTER_COLUMN_SET_DEFAULT -> TextualComparison.sameDefault(defaultExpression(action.text()), current)
                    || probedEqual(ex, table, action, current);
            default -> probedEqual(ex, table, action, current);
        };
        return inEffect ? ActionDecision.skip(action, column, "already in effect")
                : ActionDecision.run(action, column, "column altered");
    }

    private static ActionDecision addConstraint(StatementExecution ex, ObjectName table, TableDetails details,
            AlterAction action) throws SQLException {
        String object = table + "." + ((action.name() != null) ? action.name() : action.constraintType());
        Constraint sameName = (action.name() != null) ? details.constraints().get(action.name()) : null;
        if (action.name() != null && sameName == null) {
            Optional<String> renamed = ex.run.lookahead.constraintRenamedLater(table, action.name(),
                    ex.currentSchema());
            if (renamed.isPresent() && details.constraints().containsKey(renamed.get())) {
                return ActionDecision.skip(action, object,
                        "a later statement renames it to " + renamed.get() + ", which already exists");
            }
            return ActionDecision.run(action, object, "constraint added");
        }
        if (sameName != null && TextualComparison.sameConstraint(constraintBody(action.text()), sameName)) {
            return ActionDecision.skip(action, object, "constraint already exists with the same definition");
        }
        Optional<Constraint> want;
        try {
            want = AlterTableGuard.probeConstraint(ex, table, action);
        }
        catch (SQLException ex2) {
            if (sameName != null && UNDEFINED_COLUMN.equals(ex2.getSQLState())
                    && ex.run.lookahead.columnsRenamedLater(table, ex.currentSchema())) {
                return ActionDecision.skip(action, object,
                        "constraint exists; a later statement renames the columns it names, so it is not compared");
            }
            throw ex2;
        }
        if (want.isEmpty()) {
            return ActionDecision.run(action, object, "constraint added");
        }
        String wanted = want.get().comparableDefinition();
        if (sameName != null) {
            return sameName.comparableDefinition().equals(wanted)
                    ? ActionDecision.skip(action, object, "constraint already exists with the same definition")
                    : ActionDecision.conflict(action, object, "constraint " + object + " exists with another definition",
                            wanted, sameName.comparableDefinition());
        }
        Optional<Constraint> equivalent = details.constraints().values().stream()
            .filter(c -> c.type().equals(want.get().type()) && c.comparableDefinition().equals(wanted))
            .findFirst();
        if (equivalent.isPresent()) {
            return ActionDecision.skip(action, table + "." + equivalent.get().name(),
                    "an equal constraint already exists as " + equivalent.get().name());
        }
        Optional<Constraint> primaryKey = details.constraintsOfType("p").stream().findFirst();
        if ("p".equals(want.get().type()) && primaryKey.isPresent()) {
            return ActionDecision.conflict(action, object, "table " + table + " already has another primary key",
                    wanted, primaryKey.get().comparableDefinition());
        }
        return ActionDecision.run(action, object, "constraint added");
    }

    /** Whether the action, applied to an empty copy of the table, leaves the column as it is now. */
    private static boolean probedEqual(StatementExecution ex, ObjectName table, AlterAction action, Column current)
            throws SQLException {
        return AlterTableGuard.probeColumn(ex, table, action.name(), false, action)
            .map(want -> Normalize.column(want, table.schema()).sameDefinitionAs(Normalize.column(current, table.schema())))
            .orElse(false);
    }

    /** {@code ALTER [COLUMN] c SET DEFAULT <expression>}: the expression. */
    private static String defaultExpression(String actionText) {
        List<Token> tokens = SqlLexer.tokenize(actionText);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).isKeyword("set") && tokens.get(i + 1).isKeyword("default")) {
                return (i + 2 < tokens.size()) ? actionText.substring(tokens.get(i + 2).start()) : "";
            }
        }
        return "";
    }

    /** {@code ADD CONSTRAINT name <body>}: the body. */
    private static String constraintBody(String actionText) {
        return StatementRewriter.afterTokens(actionText, 3);
    }

    private static ActionDecision rename(AlterAction action, String object, boolean oldExists, boolean newExists,
            String what) {
        if (oldExists && newExists) {
            return ActionDecision.conflict(action, object, "both the old and the new " + what + " name exist",
                    what + " " + action.newName() + " only", what + "s " + action.name() + " and " + action.newName());
        }
        if (!oldExists && newExists) {
            return ActionDecision.skip(action, object, "already renamed to " + action.newName());
        }
        return ActionDecision.run(action, object, what + " renamed to " + action.newName());
    }

    private static ActionDecision attach(StatementExecution ex, ObjectName table, AlterAction action)
            throws SQLException {
        ObjectName partition = ObjectName.of(action.name()).inSchema(table.schema());
        Optional<TableDetails> details = ex.catalog.table(ex.connection, partition);
        boolean attached = details.isPresent() && details.get().partitionParent() != null
                && details.get().partitionParent().equals(table.toString());
        return attached ? ActionDecision.skip(action, partition.toString(), "partition already attached")
                : ActionDecision.run(action, partition.toString(), "partition attached");
    }
}
