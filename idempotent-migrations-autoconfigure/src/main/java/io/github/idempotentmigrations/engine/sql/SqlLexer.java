package io.github.idempotentmigrations.engine.sql;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A hand-written PostgreSQL lexer. It skips whitespace and comments and never fails:
 * anything unterminated runs to the end of the input and any character it does not
 * understand becomes an {@link TokenType#OPERATOR} token.
 */
public final class SqlLexer {

	private static final String OPERATOR_CHARACTERS = "+-*/<>=~!@#%^&|`?";

	private final String sql;

	private int position;

	SqlLexer(String sql) {
		this.sql = sql;
	}

	public static List<Token> tokenize(String sql) {
		SqlLexer lexer = new SqlLexer(sql);
		List<Token> tokens = new ArrayList<>();
		for (Token token = lexer.next(); token != null; token = lexer.next()) {
			tokens.add(token);
		}
		return tokens;
	}

	/** Continues lexing at {@code offset}, skipping what lies before it. */
	void resumeAt(int offset) {
		this.position = offset;
	}

	/** The next token, or null at the end of the input. */
	@Nullable Token next() {
		skipWhitespaceAndComments();
		if (this.position >= this.sql.length()) {
			return null;
		}
		int start = this.position;
		TokenType type = scanToken();
		return new Token(type, this.sql.substring(start, this.position), start, this.position);
	}

	private TokenType scanToken() {
		char c = this.sql.charAt(this.position);
		switch (c) {
			case '(':
				return single(TokenType.LEFT_PAREN);
			case ')':
				return single(TokenType.RIGHT_PAREN);
			case '[':
				return single(TokenType.LEFT_BRACKET);
			case ']':
				return single(TokenType.RIGHT_BRACKET);
			case ',':
				return single(TokenType.COMMA);
			case ';':
				return single(TokenType.SEMICOLON);
			case '\'':
				return quoted(TokenType.STRING, false);
			case '"':
				return quoted(TokenType.QUOTED_IDENTIFIER, false);
			case '$':
				return dollar();
			case ':':
				if (charAt(this.position + 1) == ':') {
					this.position += 2;
					return TokenType.DOUBLE_COLON;
				}
				return single(TokenType.OPERATOR);
			default:
				break;
		}
		if (isDigit(c) || (c == '.' && isDigit(charAt(this.position + 1)))) {
			return number();
		}
		if (c == '.') {
			return single(TokenType.DOT);
		}
		if (isIdentifierStart(c)) {
			return wordOrPrefixedLiteral();
		}
		if (OPERATOR_CHARACTERS.indexOf(c) >= 0) {
			return operator();
		}
		return single(TokenType.OPERATOR);
	}

	private TokenType single(TokenType type) {
		this.position++;
		return type;
	}

	/**
	 * An identifier or keyword, unless it is the prefix of {@code E'...'},
	 * {@code B'...'}, {@code U&"..."}, ....
	 */
	private TokenType wordOrPrefixedLiteral() {
		char prefix = this.sql.charAt(this.position);
		char next = charAt(this.position + 1);
		if (next == '\'' && "EBXNebxn".indexOf(prefix) >= 0) {
			this.position++;
			return quoted(TokenType.STRING, prefix == 'E' || prefix == 'e');
		}
		char afterAmpersand = charAt(this.position + 2);
		if ((prefix == 'U' || prefix == 'u') && next == '&' && (afterAmpersand == '\'' || afterAmpersand == '"')) {
			this.position += 2;
			return quoted((afterAmpersand != '"') ? TokenType.STRING : TokenType.QUOTED_IDENTIFIER, false);
		}
		while (this.position < this.sql.length() && isIdentifierPart(this.sql.charAt(this.position))) {
			this.position++;
		}
		return TokenType.IDENTIFIER;
	}

	/**
	 * Scans from the opening quote at {@link #position}; a doubled quote stands for
	 * itself.
	 */
	private TokenType quoted(TokenType type, boolean backslashEscapes) {
		char quote = this.sql.charAt(this.position++);
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			if (backslashEscapes && c == '\\') {
				this.position += 2;
			}
			else if (c == quote && charAt(this.position + 1) == quote) {
				this.position += 2;
			}
			else {
				this.position++;
				if (c == quote) {
					return type;
				}
			}
		}
		this.position = this.sql.length();
		return type;
	}

	/**
	 * {@code $1}, a dollar-quoted string ({@code $$...$$}, {@code $tag$...$tag$}) or a
	 * stray {@code $}.
	 */
	private TokenType dollar() {
		int afterDollar = this.position + 1;
		if (isDigit(charAt(afterDollar))) {
			this.position = afterDollar;
			while (isDigit(charAt(this.position))) {
				this.position++;
			}
			return TokenType.PARAMETER;
		}
		int tagEnd = afterDollar;
		if (isIdentifierStart(charAt(tagEnd))) {
			while (isIdentifierPart(charAt(tagEnd)) && charAt(tagEnd) != '$') {
				tagEnd++;
			}
		}
		if (charAt(tagEnd) != '$') {
			return single(TokenType.OPERATOR);
		}
		String tag = this.sql.substring(this.position, tagEnd + 1);
		int closing = this.sql.indexOf(tag, tagEnd + 1);
		this.position = (closing < 0) ? this.sql.length() : closing + tag.length();
		return TokenType.STRING;
	}

	/**
	 * Digits with an optional fraction and exponent; letters are swallowed too (hex
	 * {@code 0x1F}, junk).
	 */
	private TokenType number() {
		boolean radixPrefixed = this.sql.charAt(this.position) == '0' && Character.isLetter(charAt(this.position + 1));
		boolean seenDot = false;
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			boolean fraction = c == '.' && !seenDot && charAt(this.position + 1) != '.';
			// the lexeme starts with a digit or a dot, so position - 1 is in range
			boolean exponentSign = (c == '+' || c == '-') && !radixPrefixed && isDigit(charAt(this.position + 1))
					&& Character.toLowerCase(this.sql.charAt(this.position - 1)) == 'e';
			if (!fraction && !exponentSign && !Character.isLetterOrDigit(c) && c != '_') {
				break;
			}
			seenDot |= fraction;
			this.position++;
		}
		return TokenType.NUMBER;
	}

	/**
	 * A run of operator characters; a {@code --} or {@code /*} inside it starts a comment
	 * instead.
	 */
	private TokenType operator() {
		this.position++;
		while (this.position < this.sql.length() && OPERATOR_CHARACTERS.indexOf(this.sql.charAt(this.position)) >= 0
				&& !startsComment(this.position)) {
			this.position++;
		}
		return TokenType.OPERATOR;
	}

	private void skipWhitespaceAndComments() {
		while (this.position < this.sql.length()) {
			char c = this.sql.charAt(this.position);
			if (isWhitespace(c)) {
				this.position++;
			}
			else if (c == '-' && charAt(this.position + 1) == '-') {
				skipLineComment();
			}
			else if (c == '/' && charAt(this.position + 1) == '*') {
				skipBlockComment();
			}
			else {
				return;
			}
		}
	}

	private void skipLineComment() {
		while (this.position < this.sql.length() && this.sql.charAt(this.position) != '\n'
				&& this.sql.charAt(this.position) != '\r') {
			this.position++;
		}
	}

	/** Unlike in Java or C, block comments nest in PostgreSQL. */
	private void skipBlockComment() {
		int depth = 0;
		do {
			if (this.sql.startsWith("/*", this.position)) {
				depth++;
				this.position += 2;
			}
			else if (this.sql.startsWith("*/", this.position)) {
				depth--;
				this.position += 2;
			}
			else {
				this.position++;
			}
		}
		while (depth > 0 && this.position < this.sql.length());
		this.position = Math.min(this.position, this.sql.length());
	}

	private boolean startsComment(int at) {
		return this.sql.startsWith("--", at) || this.sql.startsWith("/*", at);
	}

	/**
	 * The character at {@code index}, or NUL past the end so look-ahead needs no bounds
	 * checks.
	 */
	private char charAt(int index) {
		return (index < this.sql.length()) ? this.sql.charAt(index) : '\0';
	}

	/**
	 * PostgreSQL's whitespace; anything else, non-ASCII spaces included, can be part of a
	 * token.
	 */
	private static boolean isWhitespace(char c) {
		return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** PostgreSQL treats every non-ASCII character as a letter. */
	private static boolean isIdentifierStart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
	}

	private static boolean isIdentifierPart(char c) {
		return isIdentifierStart(c) || isDigit(c) || c == '$';
	}

}
