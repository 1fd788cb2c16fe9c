package io.github.idempotentmigrations.engine.sql;

import org.jspecify.annotations.Nullable;

/**
 * An object name together with where it was written.
 *
 * @param objectName the folded name
 * @param start offset of its first character (schema qualifier and quotes included) in
 * the statement
 * @param end offset just past its last character
 */
record ParsedName(ObjectName objectName, int start, int end) {

	TextSpan span() {
		return new TextSpan(this.start, this.end);
	}

	/** The same written name, qualified with {@code schema} (which may be null). */
	ParsedName withSchema(@Nullable String schema) {
		return new ParsedName(new ObjectName(schema, this.objectName.name()), this.start, this.end);
	}
}
