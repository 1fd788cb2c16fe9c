package io.github.idempotentmigrations.shadow;

import org.jspecify.annotations.Nullable;

/**
 * One object of a schema as PostgreSQL describes it.
 *
 * @param kind what it is
 * @param name its qualified, quoted name, e.g. {@code public.users.email} for a column
 * @param parent the name of the table it belongs to, or {@code null}
 * @param definition what two databases compare, built from {@code pg_get_*def},
 * {@code format_type} and the catalog
 * @param ddl the SQL that creates it as it is, read from the same definitions (for
 * {@link ObjectKind#ROWS}: the column list to copy)
 */
public record SchemaObject(ObjectKind kind, String name, @Nullable String parent, String definition,
		@Nullable String ddl) {

	public SchemaObject {
		definition = (definition != null) ? definition : "";
	}

	/** Unique within a snapshot. */
	public String key() {
		return this.kind + " " + this.name;
	}

	/** {@code column public.users.email}. */
	public String describe() {
		return this.kind.label() + " " + this.name;
	}
}
