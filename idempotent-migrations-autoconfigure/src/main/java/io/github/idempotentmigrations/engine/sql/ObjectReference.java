package io.github.idempotentmigrations.engine.sql;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How DROP, COMMENT and ALTER name an object of a given type: routines may carry an
 * argument list ({@code f(int)}), triggers, policies, rules and constraints are named
 * {@code n ON table}.
 *
 * @param name the object's name
 * @param table the table for objects named {@code n ON table}, else null
 */
record ObjectReference(ParsedName name, @Nullable ObjectName table) {

	private static final Set<String> ROUTINES = Set.of("FUNCTION", "PROCEDURE", "ROUTINE", "AGGREGATE");

	private static final Set<String> TABLE_SCOPED = Set.of("TRIGGER", "POLICY", "RULE", "CONSTRAINT");

	/**
	 * Parses the name of an object of {@code objectType} (upper case, as in
	 * {@code MATERIALIZED VIEW}).
	 */
	static ObjectReference parse(TokenCursor cursor, String objectType) {
		if (isTableScoped(objectType)) {
			ParsedName name = cursor.singleName();
			cursor.expectKeyword("on");
			return new ObjectReference(name, cursor.name().objectName());
		}
		ParsedName name = cursor.name();
		if (ROUTINES.contains(objectType) && cursor.at(TokenType.LEFT_PAREN)) {
			cursor.skipParenthesized();
		}
		return new ObjectReference(name, null);
	}

	static boolean isTableScoped(String objectType) {
		return TABLE_SCOPED.contains(objectType);
	}
}
