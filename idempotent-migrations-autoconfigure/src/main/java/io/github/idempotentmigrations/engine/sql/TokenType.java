package io.github.idempotentmigrations.engine.sql;

/** The kinds of token {@link SqlLexer} produces. */
public enum TokenType {

	/** An unquoted word: a keyword or an identifier. */
	IDENTIFIER,
	/** {@code "..."} or {@code U&"..."}. */
	QUOTED_IDENTIFIER,
	/**
	 * Any string constant: {@code '...'}, {@code E'...'}, {@code B'...'}, {@code X'...'},
	 * {@code N'...'}, {@code U&'...'} or dollar-quoted.
	 */
	STRING,
	/** A numeric constant. */
	NUMBER,
	/** A positional parameter such as {@code $1}. */
	PARAMETER,
	/** {@code (}. */
	LEFT_PAREN,
	/** {@code )}. */
	RIGHT_PAREN,
	/** {@code [}. */
	LEFT_BRACKET,
	/** {@code ]}. */
	RIGHT_BRACKET,
	/** {@code ,}. */
	COMMA,
	/** {@code ;}. */
	SEMICOLON,
	/** {@code .}. */
	DOT,
	/** The {@code ::} cast. */
	DOUBLE_COLON,
	/** An operator, or any other character the lexer has no better name for. */
	OPERATOR

}
