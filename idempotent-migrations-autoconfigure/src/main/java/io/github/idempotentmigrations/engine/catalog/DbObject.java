package io.github.idempotentmigrations.engine.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A schema-level object as listed by the catalog: relations, types, functions.
 *
 * @param schema its schema
 * @param name its name
 * @param kind {@code pg_class.relkind} for relations, {@code pg_type.typtype} for types
 * @param detail enum labels (newline separated) for enum types, else null
 */
public record DbObject(String schema, String name, String kind, @Nullable String detail) {
}
