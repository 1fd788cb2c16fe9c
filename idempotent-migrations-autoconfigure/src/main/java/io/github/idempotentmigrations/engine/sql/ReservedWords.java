package io.github.idempotentmigrations.engine.sql;

import java.util.Set;

/**
 * PostgreSQL's fully reserved key words: unquoted, they can never start an object or
 * column name, which is how the parsers tell a keyword from a name.
 */
final class ReservedWords {

	private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as", "asc",
			"asymmetric", "both", "case", "cast", "check", "collate", "column", "constraint", "create",
			"current_catalog", "current_date", "current_role", "current_time", "current_timestamp", "current_user",
			"default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for",
			"foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into", "lateral", "leading",
			"limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or", "order", "placing",
			"primary", "references", "returning", "select", "session_user", "some", "symmetric", "system_user", "table",
			"then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where", "window",
			"with");

	private ReservedWords() {
	}

	static boolean isReserved(Token token) {
		return token.type() == TokenType.IDENTIFIER && RESERVED.contains(token.value());
	}

}
