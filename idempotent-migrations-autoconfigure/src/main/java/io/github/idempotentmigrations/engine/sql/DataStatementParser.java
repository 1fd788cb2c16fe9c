package io.github.idempotentmigrations.engine.sql;

/**
 * INSERT, UPDATE, DELETE, TRUNCATE, COPY, SELECT (with or without INTO) and WITH queries.
 */
final class DataStatementParser {

	private DataStatementParser() {
	}

	/**
	 * Parses the statement {@code command} starts; the cursor is just past that key word.
	 */
	static ClassifiedStatement parse(String command, TokenCursor cursor) {
		ClassifiedStatementBuilder statement = new ClassifiedStatementBuilder(cursor.sql());
		return switch (command) {
			case "insert" -> {
				cursor.expectKeyword("into");
				yield statement.target(cursor.name()).build(StatementKind.INSERT);
			}
			case "update" -> {
				cursor.acceptKeyword("only");
				yield statement.target(cursor.name()).build(StatementKind.UPDATE);
			}
			case "delete" -> {
				cursor.expectKeyword("from");
				cursor.acceptKeyword("only");
				yield statement.target(cursor.name()).build(StatementKind.DELETE);
			}
			case "truncate" -> {
				cursor.acceptKeyword("table");
				cursor.acceptKeyword("only");
				yield statement.target(cursor.name()).build(StatementKind.TRUNCATE);
			}
			case "copy" -> copy(cursor, statement);
			case "select" -> select(cursor, statement);
			case "with" -> with(cursor);
			default -> throw new UnrecognisedStatementException();
		};
	}

	/**
	 * {@code COPY t FROM ...} loads data; {@code COPY t TO ...} and
	 * {@code COPY (query) TO ...} only read it.
	 */
	private static ClassifiedStatement copy(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		ParsedName table = null;
		if (cursor.at(TokenType.LEFT_PAREN)) {
			cursor.skipParenthesized();
		}
		else {
			table = cursor.name();
			if (cursor.at(TokenType.LEFT_PAREN)) {
				cursor.skipParenthesized();
			}
		}
		if (table != null && cursor.acceptKeyword("from")) {
			return statement.target(table).build(StatementKind.COPY);
		}
		cursor.expectKeyword("to");
		return statement.build(StatementKind.UTILITY);
	}

	/**
	 * {@code SELECT ... INTO [TEMP | UNLOGGED] [TABLE] t ...} creates a table; any other
	 * SELECT is a utility.
	 */
	private static ClassifiedStatement select(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		if (!cursor.skipPastTopLevelKeyword("into")) {
			return statement.build(StatementKind.UTILITY);
		}
		if (!cursor.acceptKeyword("temporary")) {
			cursor.acceptKeyword("temp");
		}
		cursor.acceptKeyword("unlogged");
		cursor.acceptKeyword("table");
		return statement.target(cursor.name()).build(StatementKind.CREATE_TABLE_AS);
	}

	/**
	 * {@code WITH name AS (...), ... main statement}: classified as its main statement. A
	 * SELECT whose common table expressions change data is UNKNOWN rather than a harmless
	 * utility.
	 */
	private static ClassifiedStatement with(TokenCursor cursor) {
		cursor.acceptKeyword("recursive");
		boolean expressionsChangeData = false;
		do {
			cursor.identifier();
			if (cursor.at(TokenType.LEFT_PAREN)) {
				cursor.skipParenthesized();
			}
			cursor.expectKeyword("as");
			if (!cursor.acceptKeyword("not", "materialized")) {
				cursor.acceptKeyword("materialized");
			}
			expressionsChangeData |= startsDataChange(cursor.peek(1));
			cursor.skipParenthesized();
		}
		while (cursor.accept(TokenType.COMMA));
		Token main = cursor.next();
		boolean supported = startsDataChange(main) && !main.isKeyword("merge")
				|| main.isKeyword("select") && !expressionsChangeData;
		if (!supported) {
			throw new UnrecognisedStatementException();
		}
		return parse(main.value(), cursor);
	}

	private static boolean startsDataChange(Token token) {
		return token != null && (token.isKeyword("insert") || token.isKeyword("update") || token.isKeyword("delete")
				|| token.isKeyword("merge"));
	}

}
