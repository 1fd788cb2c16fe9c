package io.github.idempotentmigrations.engine.sql;

import java.util.Set;

/**
 * Tells what a single PostgreSQL statement does and which objects it names. Whatever it
 * does not fully recognise is {@link StatementKind#UNKNOWN}: it never guesses.
 */
public final class StatementClassifier {

	/**
	 * Statements that change neither schema nor data, as far as the engine is concerned.
	 */
	private static final Set<String> UTILITY_COMMANDS = Set.of("set", "reset", "show", "call", "analyze", "analyse",
			"vacuum", "lock", "notify");

	private StatementClassifier() {
	}

	/**
	 * Classifies one statement. Leading comments and trailing semicolons are ignored;
	 * text holding several statements is UNKNOWN.
	 */
	public static ClassifiedStatement classify(String sql) {
		if (SqlScriptSplitter.split(sql).size() != 1) {
			return ClassifiedStatement.unknown(sql);
		}
		try {
			return classify(TokenCursor.over(sql));
		}
		catch (UnrecognisedStatementException ex) {
			return ClassifiedStatement.unknown(sql);
		}
	}

	private static ClassifiedStatement classify(TokenCursor cursor) {
		Token command = cursor.next();
		if (command.type() != TokenType.IDENTIFIER) {
			throw new UnrecognisedStatementException();
		}
		ClassifiedStatementBuilder statement = new ClassifiedStatementBuilder(cursor.sql());
		String word = command.value();
		if (UTILITY_COMMANDS.contains(word)) {
			return statement.build(StatementKind.UTILITY);
		}
		return switch (word) {
			case "create" -> CreateStatementParser.parse(cursor);
			case "alter" -> AlterStatementParser.parse(cursor);
			case "drop" -> DropStatementParser.parse(cursor);
			case "comment" -> CommentStatementParser.parse(cursor);
			case "insert", "update", "delete", "truncate", "copy", "select", "with" ->
				DataStatementParser.parse(word, cursor);
			case "grant" -> withArguments(cursor, statement, StatementKind.GRANT);
			case "revoke" -> withArguments(cursor, statement, StatementKind.REVOKE);
			case "do" -> doBlock(cursor, statement);
			case "refresh" -> {
				cursor.expectKeyword("materialized", "view");
				yield statement.build(StatementKind.UTILITY);
			}
			default -> throw new UnrecognisedStatementException();
		};
	}

	private static ClassifiedStatement withArguments(TokenCursor cursor, ClassifiedStatementBuilder statement,
			StatementKind kind) {
		cursor.expectMore();
		return statement.build(kind);
	}

	/** {@code DO [LANGUAGE lang] code}; the language may also follow the code. */
	private static ClassifiedStatement doBlock(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		acceptLanguage(cursor);
		cursor.stringLiteral();
		acceptLanguage(cursor);
		cursor.expectEnd();
		return statement.build(StatementKind.DO_BLOCK);
	}

	private static void acceptLanguage(TokenCursor cursor) {
		if (cursor.acceptKeyword("language")) {
			cursor.next();
		}
	}

}
