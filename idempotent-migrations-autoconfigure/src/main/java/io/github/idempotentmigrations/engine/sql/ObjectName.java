package io.github.idempotentmigrations.engine.sql;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A possibly schema-qualified PostgreSQL object name, already folded: unquoted
 * identifiers are lower-cased, quoted ones keep their exact spelling.
 *
 * @param schema the schema, or {@code null} when the statement did not qualify the name
 * @param name the object's own name
 */
public record ObjectName(@Nullable String schema, String name) {

	public ObjectName {
		Objects.requireNonNull(name, "name");
	}

	public static ObjectName of(String name) {
		return new ObjectName(null, name);
	}

	public boolean qualified() {
		return this.schema != null;
	}

	/** The same name in {@code defaultSchema} when it is unqualified. */
	public ObjectName inSchema(@Nullable String defaultSchema) {
		return qualified() ? this : new ObjectName(defaultSchema, this.name);
	}

	/** SQL text of the name, each part double-quoted so it round-trips exactly. */
	public String toSql() {
		return qualified() ? quote(this.schema) + "." + quote(this.name) : quote(this.name);
	}

	public static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	@Override
	public String toString() {
		return qualified() ? this.schema + "." + this.name : this.name;
	}
}
