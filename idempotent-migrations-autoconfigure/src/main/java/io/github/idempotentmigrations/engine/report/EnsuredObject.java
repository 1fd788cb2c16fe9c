package io.github.idempotentmigrations.engine.report;

import java.util.Locale;

/**
 * A database object a run made sure exists (created, found present, or completed). Verification after the run and
 * the live health check look these up again in the catalog.
 *
 * @param type what kind of object
 * @param schema its schema (null for schemas and extensions)
 * @param table the table it belongs to, for columns, constraints, indexes, triggers and policies; the enum type for
 * enum values; else null
 * @param name its own name (for enum values the label)
 */
public record EnsuredObject(Type type, String schema, String table, String name) {

    public enum Type {
        SCHEMA, EXTENSION, TABLE, COLUMN, CONSTRAINT, INDEX, SEQUENCE, VIEW, MATERIALIZED_VIEW, TYPE, ENUM_VALUE,
        FUNCTION, TRIGGER, POLICY
    }

    /** Human-readable, e.g. {@code column public.chats.last_message_at}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(type.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(' ');
        if (schema != null) {
            sb.append(schema).append('.');
        }
        // an index or a sequence is named within its schema; a column, constraint or enum label within its owner
        if (table != null && type != Type.INDEX) {
            sb.append(table).append('.');
        }
        return sb.append(name).toString();
    }
}
