package io.github.idempotentmigrations.engine.sql;

import java.util.List;

/** {@code COMMENT ON type name IS {'text' | NULL}}. */
final class CommentStatementParser {

	/**
	 * The object types recognised besides COLUMN; others (COMMENT ON DATABASE, ROLE, ...)
	 * are UNKNOWN.
	 */
	private static final List<String> OBJECT_TYPES = List.of("TABLE", "FOREIGN TABLE", "VIEW", "MATERIALIZED VIEW",
			"SEQUENCE", "INDEX", "TYPE", "DOMAIN", "SCHEMA", "EXTENSION", "FUNCTION", "PROCEDURE", "ROUTINE",
			"AGGREGATE", "TRIGGER", "POLICY", "RULE", "CONSTRAINT", "COLLATION");

	private CommentStatementParser() {
	}

	/** Parses what follows COMMENT. */
	static ClassifiedStatement parse(TokenCursor cursor) {
		cursor.expectKeyword("on");
		ClassifiedStatementBuilder statement = new ClassifiedStatementBuilder(cursor.sql());
		if (cursor.acceptKeyword("column")) {
			column(cursor, statement);
		}
		else {
			String objectType = cursor.acceptPhrase(OBJECT_TYPES);
			if (objectType == null || objectType.equals("CONSTRAINT") && isOnDomain(cursor)) {
				throw new UnrecognisedStatementException();
			}
			ObjectReference reference = ObjectReference.parse(cursor, objectType);
			statement.objectType(objectType).target(reference.name()).table(reference.table());
		}
		cursor.expectKeyword("is");
		if (!cursor.acceptKeyword("null")) {
			cursor.stringLiteral();
		}
		cursor.expectEnd();
		return statement.build(StatementKind.COMMENT);
	}

	/**
	 * {@code [schema.]table.column}: the table goes to {@code table}, the bare column
	 * name to {@code target}.
	 */
	private static void column(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		List<Token> parts = cursor.dottedName();
		if (parts.size() < 2 || parts.size() > 3) {
			throw new UnrecognisedStatementException();
		}
		Token column = parts.get(parts.size() - 1);
		Token table = parts.get(parts.size() - 2);
		String schema = (parts.size() != 3) ? null : parts.get(0).value();
		statement.objectType("COLUMN")
			.table(new ObjectName(schema, table.value()))
			.target(new ParsedName(ObjectName.of(column.value()), column.start(), column.end()));
	}

	/**
	 * {@code COMMENT ON CONSTRAINT c ON DOMAIN d}: a domain's constraint, not a table's.
	 */
	private static boolean isOnDomain(TokenCursor cursor) {
		Token afterOn = cursor.peek(2);
		return afterOn != null && afterOn.isKeyword("domain");
	}

}
