package io.github.idempotentmigrations.engine;

import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.SqlLexer;
import io.github.idempotentmigrations.engine.sql.TextSpan;
import io.github.idempotentmigrations.engine.sql.Token;
import io.github.idempotentmigrations.engine.sql.TokenType;
import org.jspecify.annotations.Nullable;

/**
 * Token-aware edits of a statement's text, for probes that build the statement somewhere
 * harmless.
 */
final class StatementRewriter {

	private StatementRewriter() {
	}

	static String replace(String sql, TextSpan span, String replacement) {
		return sql.substring(0, span.start()) + replacement + sql.substring(span.end());
	}

	/**
	 * Offsets of the (possibly qualified) table name after the first top-level
	 * {@code ON [ONLY]}, or null.
	 */
	static @Nullable TextSpan tableSpanAfterOn(String sql) {
		List<Token> tokens = SqlLexer.tokenize(sql);
		int depth = 0;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			depth += (token.type() == TokenType.LEFT_PAREN) ? 1 : (token.type() == TokenType.RIGHT_PAREN) ? -1 : 0;
			if (depth == 0 && token.isKeyword("on")) {
				int first = i + 1;
				if (first < tokens.size() && tokens.get(first).isKeyword("only")) {
					first++;
				}
				return nameSpan(tokens, first);
			}
		}
		return null;
	}

	/**
	 * Offsets of the parent's (possibly qualified) name after {@code PARTITION OF}, or
	 * null.
	 */
	static @Nullable TextSpan tableSpanAfterPartitionOf(String sql) {
		List<Token> tokens = SqlLexer.tokenize(sql);
		for (int i = 0; i + 2 < tokens.size(); i++) {
			if (tokens.get(i).isKeyword("partition") && tokens.get(i + 1).isKeyword("of")) {
				return nameSpan(tokens, i + 2);
			}
		}
		return null;
	}

	/**
	 * The (possibly qualified) name at a span of the statement, folded as PostgreSQL
	 * folds it.
	 */
	static ObjectName name(String sql, TextSpan span) {
		List<Token> parts = SqlLexer.tokenize(sql.substring(span.start(), span.end()))
			.stream()
			.filter(StatementRewriter::isName)
			.toList();
		String name = parts.get(parts.size() - 1).value();
		return (parts.size() == 1) ? ObjectName.of(name) : new ObjectName(parts.get(parts.size() - 2).value(), name);
	}

	/**
	 * The statement without its {@code CONCURRENTLY} keyword, so it can run inside a
	 * probe's transaction.
	 */
	static String withoutConcurrently(String sql) {
		for (Token token : SqlLexer.tokenize(sql)) {
			if (token.isKeyword("concurrently")) {
				return sql.substring(0, token.start()) + sql.substring(token.end());
			}
		}
		return sql;
	}

	/**
	 * The statement without a leading {@code UNLOGGED} ({@code CREATE UNLOGGED TABLE}),
	 * which a temporary schema refuses: a probe builds the shape, and persistence is
	 * compared on its own.
	 */
	static String withoutUnlogged(String sql) {
		List<Token> tokens = SqlLexer.tokenize(sql);
		for (int i = 0; i < tokens.size() && i < 3; i++) {
			if (tokens.get(i).isKeyword("unlogged")) {
				return sql.substring(0, tokens.get(i).start()) + sql.substring(tokens.get(i).end());
			}
		}
		return sql;
	}

	/**
	 * The string constants inside the first parenthesised list: the labels of
	 * {@code CREATE TYPE ... AS ENUM}.
	 */
	static List<String> enumLabels(String sql) {
		List<String> labels = new ArrayList<>();
		boolean inside = false;
		for (Token token : SqlLexer.tokenize(sql)) {
			if (token.type() == TokenType.LEFT_PAREN) {
				inside = true;
			}
			else if (token.type() == TokenType.RIGHT_PAREN && inside) {
				break;
			}
			else if (inside && token.type() == TokenType.STRING) {
				labels.add(token.value());
			}
		}
		return labels;
	}

	private static @Nullable TextSpan nameSpan(List<Token> tokens, int first) {
		if (first >= tokens.size() || !isName(tokens.get(first))) {
			return null;
		}
		int last = first;
		while (last + 2 < tokens.size() && tokens.get(last + 1).type() == TokenType.DOT
				&& isName(tokens.get(last + 2))) {
			last += 2;
		}
		return new TextSpan(tokens.get(first).start(), tokens.get(last).end());
	}

	private static boolean isName(Token token) {
		return token.type() == TokenType.IDENTIFIER || token.type() == TokenType.QUOTED_IDENTIFIER;
	}

}
