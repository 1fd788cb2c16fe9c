package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/** Confirms in the catalog that the object a duplicate-object error names really exists. */
final class DuplicateObjects {

    private static final Set<String> DUPLICATE_STATES = Set.of("42P07", "42710", "42701", "42P06", "42723", "42P04");

    private static final Pattern COLUMN_OR_CONSTRAINT = Pattern
        .compile("(column|constraint|trigger|policy) \"([^\"]+)\" (?:of|for) (?:relation|table) \"([^\"]+)\" already exists");

    private static final Pattern OBJECT = Pattern
        .compile("(relation|type|schema|extension|function|procedure) \"([^\"]+)\" already exists");

    private DuplicateObjects() {
    }

    static Optional<String> confirmedPresent(StatementExecution ex, SQLException error) throws SQLException {
        if (!DUPLICATE_STATES.contains(error.getSQLState()) || error.getMessage() == null) {
            return Optional.empty();
        }
        Matcher member = COLUMN_OR_CONSTRAINT.matcher(error.getMessage());
        if (member.find()) {
            Optional<TableDetails> table = ex.catalog.table(ex.connection, ObjectName.of(member.group(3)));
            String name = member.group(2);
            boolean exists = table.isPresent() && switch (member.group(1)) {
                case "column" -> table.get().columns().containsKey(name);
                case "constraint" -> table.get().constraints().containsKey(name);
                case "trigger" -> table.get().triggers().containsKey(name);
                default -> table.get().policies().containsKey(name);
            };
            return exists ? Optional.of(member.group(1) + " " + member.group(3) + "." + name) : Optional.empty();
        }
        Matcher object = OBJECT.matcher(error.getMessage());
        if (object.find()) {
            String type = switch (object.group(1)) {
                case "relation" -> "TABLE";
                case "type" -> "TYPE";
                default -> object.group(1).toUpperCase();
            };
            ObjectName name = ObjectName.of(object.group(2));
            boolean exists = ObjectExistence.exists(ex, type,
                    "SCHEMA".equals(type) || "EXTENSION".equals(type) ? name : ex.qualify(name), null);
            return exists ? Optional.of(object.group(1) + " " + object.group(2)) : Optional.empty();
        }
        return Optional.empty();
    }
}
