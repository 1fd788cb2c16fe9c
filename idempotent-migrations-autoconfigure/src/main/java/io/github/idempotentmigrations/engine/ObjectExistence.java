package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/** Whether an object of a type named as in SQL ({@code TABLE}, {@code MATERIALIZED VIEW}, ...) exists. */
final class ObjectExistence {

    private ObjectExistence() {
    }

    /**
     * @param table for triggers and policies the table they are on, else null
     * @return whether it exists
     * @throws UnsupportedOperationException for object types the engine does not look up
     */
    static boolean exists(StatementExecution ex, String type, ObjectName name, ObjectName table) throws SQLException {
        return switch (type) {
            case "TABLE", "VIEW", "MATERIALIZED VIEW", "INDEX", "SEQUENCE", "FOREIGN TABLE" ->
                ex.catalog.relation(ex.connection, name).isPresent();
            case "TYPE", "DOMAIN" -> ex.catalog.type(ex.connection, name).isPresent();
            case "SCHEMA" -> ex.catalog.schemaExists(ex.connection, name.name());
            case "EXTENSION" -> ex.catalog.extensionExists(ex.connection, name.name());
            case "FUNCTION", "PROCEDURE", "ROUTINE" -> ex.catalog.functionExists(ex.connection, name);
            case "TRIGGER", "POLICY" -> {
                Optional<TableDetails> details = ex.catalog.table(ex.connection, table);
                yield details.isPresent() && ("TRIGGER".equals(type) ? details.get().triggers()
                        : details.get().policies()).containsKey(name.name());
            }
            default -> throw new UnsupportedOperationException(type);
        };
    }

    static boolean supported(String type) {
        return switch (type) {
            case "TABLE", "VIEW", "MATERIALIZED VIEW", "INDEX", "SEQUENCE", "FOREIGN TABLE", "TYPE", "DOMAIN",
                    "SCHEMA", "EXTENSION", "FUNCTION", "PROCEDURE", "ROUTINE", "TRIGGER", "POLICY" -> true;
            default -> false;
        };
    }
}
