package io.github.idempotentmigrations.engine.sql;

import java.util.List;

/**
 * {@code ALTER ...}: tables go to {@link AlterTableParser}; of the other objects only
 * renames and enum label changes are recognised.
 */
final class AlterStatementParser {

	/** Object types whose {@code ALTER ... RENAME TO} is a RENAME_OTHER. */
	private static final List<String> RENAMABLE_TYPES = List.of("VIEW", "MATERIALIZED VIEW", "SEQUENCE", "DOMAIN",
			"FUNCTION", "PROCEDURE", "SCHEMA");

	private AlterStatementParser() {
	}

	/** Parses what follows ALTER. */
	static ClassifiedStatement parse(TokenCursor cursor) {
		if (cursor.acceptKeyword("table")) {
			return AlterTableParser.parse(cursor);
		}
		if (cursor.acceptKeyword("index")) {
			return rename(cursor, "INDEX", StatementKind.RENAME_INDEX);
		}
		if (cursor.acceptKeyword("type")) {
			return alterType(cursor);
		}
		String objectType = cursor.acceptPhrase(RENAMABLE_TYPES);
		if (objectType == null) {
			throw new UnrecognisedStatementException();
		}
		return rename(cursor, objectType, StatementKind.RENAME_OTHER);
	}

	/** {@code [IF EXISTS] name RENAME TO new_name}. */
	private static ClassifiedStatement rename(TokenCursor cursor, String objectType, StatementKind kind) {
		cursor.acceptKeyword("if", "exists");
		ClassifiedStatementBuilder statement = new ClassifiedStatementBuilder(cursor.sql())
			.target(ObjectReference.parse(cursor, objectType).name());
		cursor.expectKeyword("rename", "to");
		return renamed(cursor, statement, objectType, kind);
	}

	/**
	 * {@code TYPE n ADD VALUE [IF NOT EXISTS] 'v' [{BEFORE | AFTER} 'w']},
	 * {@code TYPE n RENAME VALUE 'a' TO 'b'} or {@code TYPE n RENAME TO m}.
	 */
	private static ClassifiedStatement alterType(TokenCursor cursor) {
		ClassifiedStatementBuilder statement = new ClassifiedStatementBuilder(cursor.sql()).target(cursor.name());
		if (cursor.acceptKeyword("rename", "to")) {
			return renamed(cursor, statement, "TYPE", StatementKind.RENAME_OTHER);
		}
		if (cursor.acceptKeyword("rename", "value")) {
			cursor.stringLiteral();
			cursor.expectKeyword("to");
			statement.newName(cursor.stringLiteral());
			cursor.expectEnd();
			return statement.build(StatementKind.ALTER_TYPE_RENAME_VALUE);
		}
		cursor.expectKeyword("add", "value");
		cursor.acceptKeyword("if", "not", "exists");
		statement.newName(cursor.stringLiteral());
		if (cursor.acceptKeyword("before") || cursor.acceptKeyword("after")) {
			cursor.stringLiteral();
		}
		cursor.expectEnd();
		return statement.build(StatementKind.ALTER_TYPE_ADD_VALUE);
	}

	/** Reads the new name that ends a {@code RENAME TO}. */
	private static ClassifiedStatement renamed(TokenCursor cursor, ClassifiedStatementBuilder statement,
			String objectType, StatementKind kind) {
		statement.objectType(objectType).newName(cursor.identifier().value());
		cursor.expectEnd();
		return statement.build(kind);
	}

}
