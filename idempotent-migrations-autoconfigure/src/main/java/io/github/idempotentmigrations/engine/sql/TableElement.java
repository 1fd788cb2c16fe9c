package io.github.idempotentmigrations.engine.sql;

import org.jspecify.annotations.Nullable;

/**
 * One element of a {@code CREATE TABLE (...)} list.
 *
 * @param type column, table constraint or {@code LIKE} clause
 * @param name the column name, the constraint name (null when the constraint is unnamed),
 * or null for LIKE
 * @param text the element's exact source text, without the separating comma, trimmed
 */
public record TableElement(Type type, @Nullable String name, String text) {

	public enum Type {

		/** A column definition. */
		COLUMN,
		/** A table constraint, named or not. */
		CONSTRAINT,
		/** A {@code LIKE} clause copying another table's columns. */
		LIKE

	}
}
