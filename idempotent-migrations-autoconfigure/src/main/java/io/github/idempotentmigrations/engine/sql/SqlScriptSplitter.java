package io.github.idempotentmigrations.engine.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements on top-level semicolons, to read a migration's
 * statements as written: their hashes in the journal, the indexes pending migrations
 * build, whether a failed one was edited since, the lint, and whether a text holds one
 * statement. Flyway's own parser splits what runs; these pieces are never executed.
 * Semicolons in strings, quoted identifiers, dollar quotes and comments do not split, nor
 * do those inside a {@code BEGIN ATOMIC ... END} routine body. The data block after
 * {@code COPY ... FROM STDIN;} (up to its {@code \.} line) is skipped.
 */
public final class SqlScriptSplitter {

	private SqlScriptSplitter() {
	}

	/**
	 * The statements of {@code script}, trimmed, without their semicolons; empty
	 * statements are dropped.
	 */
	public static List<String> split(String script) {
		List<String> statements = new ArrayList<>();
		SqlLexer lexer = new SqlLexer(script);
		List<Token> statement = new ArrayList<>();
		int statementStart = 0;
		int atomicDepth = 0;
		for (Token token = lexer.next(); token != null; token = lexer.next()) {
			if (token.type() == TokenType.SEMICOLON && atomicDepth == 0) {
				if (!statement.isEmpty()) {
					statements.add(script.substring(statementStart, token.start()).trim());
				}
				statementStart = token.end();
				if (isCopyFromStdin(statement)) {
					statementStart = endOfCopyData(script, statementStart);
					lexer.resumeAt(statementStart);
				}
				statement.clear();
			}
			else {
				atomicDepth = atomicDepthAfter(atomicDepth, statement, token);
				statement.add(token);
			}
		}
		if (!statement.isEmpty()) {
			statements.add(script.substring(statementStart).trim());
		}
		return statements;
	}

	/**
	 * Nesting depth inside a SQL-standard routine body: {@code BEGIN ATOMIC} opens it,
	 * and as the body can hold {@code CASE ... END} expressions, each {@code CASE} needs
	 * one more {@code END}.
	 */
	private static int atomicDepthAfter(int depth, List<Token> statementSoFar, Token token) {
		if (depth == 0) {
			boolean opensBody = token.isKeyword("atomic") && !statementSoFar.isEmpty()
					&& statementSoFar.get(statementSoFar.size() - 1).isKeyword("begin");
			return opensBody ? 1 : 0;
		}
		if (token.isKeyword("case")) {
			return depth + 1;
		}
		return token.isKeyword("end") ? depth - 1 : depth;
	}

	private static boolean isCopyFromStdin(List<Token> statement) {
		if (statement.isEmpty() || !statement.get(0).isKeyword("copy")) {
			return false;
		}
		for (int i = 1; i + 1 < statement.size(); i++) {
			if (statement.get(i).isKeyword("from") && statement.get(i + 1).isKeyword("stdin")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The offset just past the {@code \.} line ending the COPY data that starts on the
	 * line after {@code from}.
	 */
	private static int endOfCopyData(String script, int from) {
		int lineStart = script.indexOf('\n', from) + 1;
		while (lineStart > 0 && lineStart < script.length()) {
			int lineEnd = script.indexOf('\n', lineStart);
			int nextLine = (lineEnd < 0) ? script.length() : lineEnd + 1;
			if (script.substring(lineStart, (lineEnd < 0) ? script.length() : lineEnd).strip().equals("\\.")) {
				return nextLine;
			}
			lineStart = nextLine;
		}
		return script.length();
	}

}
