package io.github.idempotentmigrations.engine.sql;

import org.jspecify.annotations.Nullable;

/**
 * Recognises the start of a table constraint, as written in CREATE TABLE and ALTER TABLE
 * ... ADD.
 */
final class TableConstraints {

	private TableConstraints() {
	}

	/**
	 * The type of the constraint starting at the cursor (PRIMARY KEY, UNIQUE, FOREIGN
	 * KEY, CHECK or EXCLUDE), or null when none does. Only EXCLUDE is not a reserved
	 * word, so it must be followed by {@code (} or {@code USING} to start a constraint
	 * rather than name a column.
	 */
	static @Nullable String typeAt(TokenCursor cursor) {
		if (cursor.atKeyword("primary", "key")) {
			return "PRIMARY KEY";
		}
		if (cursor.atKeyword("foreign", "key")) {
			return "FOREIGN KEY";
		}
		if (cursor.atKeyword("unique")) {
			return "UNIQUE";
		}
		if (cursor.atKeyword("check")) {
			return "CHECK";
		}
		Token afterExclude = cursor.peek(1);
		boolean exclusion = cursor.atKeyword("exclude") && afterExclude != null
				&& (afterExclude.type() == TokenType.LEFT_PAREN || afterExclude.isKeyword("using"));
		return exclusion ? "EXCLUDE" : null;
	}

}
