package io.github.idempotentmigrations.engine.sql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A read position in the tokens of one statement (or of one comma-separated part of it)
 * with the small vocabulary the statement parsers share. Every {@code expect...} method
 * throws {@link UnrecognisedStatementException} when the statement does not continue as
 * required.
 */
final class TokenCursor {

	private final String sql;

	private final List<Token> tokens;

	private int position;

	private TokenCursor(String sql, List<Token> tokens) {
		this.sql = sql;
		this.tokens = tokens;
	}

	/**
	 * A cursor over all of {@code sql}; trailing semicolons are not part of the
	 * statement.
	 */
	static TokenCursor over(String sql) {
		List<Token> tokens = new ArrayList<>(SqlLexer.tokenize(sql));
		while (!tokens.isEmpty() && tokens.get(tokens.size() - 1).type() == TokenType.SEMICOLON) {
			tokens.remove(tokens.size() - 1);
		}
		return new TokenCursor(sql, tokens);
	}

	/** The whole statement the tokens come from. */
	String sql() {
		return this.sql;
	}

	/**
	 * The exact source text of this (non-empty) cursor's tokens, from the first to the
	 * last.
	 */
	String text() {
		return this.sql.substring(this.tokens.get(0).start(), this.tokens.get(this.tokens.size() - 1).end());
	}

	boolean atEnd() {
		return this.position >= this.tokens.size();
	}

	void expectEnd() {
		check(atEnd());
	}

	/** Requires at least one more token, e.g. the type after a column name. */
	void expectMore() {
		check(!atEnd());
	}

	/**
	 * The token {@code ahead} places on (0 is the next one to read), or null past the
	 * end.
	 */
	@Nullable Token peek(int ahead) {
		int index = this.position + ahead;
		return (index < this.tokens.size()) ? this.tokens.get(index) : null;
	}

	Token next() {
		expectMore();
		return this.tokens.get(this.position++);
	}

	boolean at(TokenType type) {
		return !atEnd() && this.tokens.get(this.position).type() == type;
	}

	boolean accept(TokenType type) {
		if (!at(type)) {
			return false;
		}
		this.position++;
		return true;
	}

	/** Consumes the operator {@code symbol} (such as {@code *}) if it comes next. */
	boolean acceptOperator(String symbol) {
		if (!at(TokenType.OPERATOR) || !this.tokens.get(this.position).text().equals(symbol)) {
			return false;
		}
		this.position++;
		return true;
	}

	/**
	 * Whether the next tokens are the unquoted key words {@code words} (lower case), in
	 * this order.
	 */
	boolean atKeyword(String... words) {
		for (int i = 0; i < words.length; i++) {
			Token token = peek(i);
			if (token == null || !token.isKeyword(words[i])) {
				return false;
			}
		}
		return true;
	}

	boolean acceptKeyword(String... words) {
		if (!atKeyword(words)) {
			return false;
		}
		this.position += words.length;
		return true;
	}

	void expectKeyword(String... words) {
		check(acceptKeyword(words));
	}

	/**
	 * Consumes the first of {@code phrases} (upper case key words separated by single
	 * spaces, such as {@code MATERIALIZED VIEW}) that comes next and returns it, or
	 * returns null.
	 */
	@Nullable String acceptPhrase(Collection<String> phrases) {
		for (String phrase : phrases) {
			if (acceptKeyword(Token.foldCase(phrase).split(" "))) {
				return phrase;
			}
		}
		return null;
	}

	/**
	 * A column, constraint or unqualified object name: an identifier that is not a
	 * reserved word.
	 */
	Token identifier() {
		Token token = next();
		check(token.type() == TokenType.IDENTIFIER && !ReservedWords.isReserved(token)
				|| token.type() == TokenType.QUOTED_IDENTIFIER && !token.isUnicodeEscaped());
		return token;
	}

	/** An unqualified name, with its position. */
	ParsedName singleName() {
		Token token = identifier();
		return new ParsedName(ObjectName.of(token.value()), token.start(), token.end());
	}

	/**
	 * A possibly schema-qualified name ({@code t}, {@code s.t}, {@code "My Schema"."T"}),
	 * with its position.
	 */
	ParsedName name() {
		List<Token> parts = dottedName();
		check(parts.size() <= 2);
		Token first = parts.get(0);
		Token last = parts.get(parts.size() - 1);
		String schema = (parts.size() != 2) ? null : first.value();
		return new ParsedName(new ObjectName(schema, last.value()), first.start(), last.end());
	}

	/**
	 * The parts of {@code a.b.c...}; after a dot even a reserved word is a name, as in
	 * {@code s.user}.
	 */
	List<Token> dottedName() {
		List<Token> parts = new ArrayList<>(List.of(identifier()));
		while (accept(TokenType.DOT)) {
			Token part = next();
			check(part.type() == TokenType.IDENTIFIER
					|| part.type() == TokenType.QUOTED_IDENTIFIER && !part.isUnicodeEscaped());
			parts.add(part);
		}
		return parts;
	}

	/**
	 * A string constant's value; {@code U&'...'} strings are refused because their
	 * escapes are not decoded.
	 */
	String stringLiteral() {
		Token token = next();
		check(token.type() == TokenType.STRING && !token.isUnicodeEscaped());
		return token.value();
	}

	/** Consumes an optional {@code CASCADE | RESTRICT}; true for CASCADE. */
	boolean acceptDropBehaviour() {
		if (acceptKeyword("cascade")) {
			return true;
		}
		acceptKeyword("restrict");
		return false;
	}

	void skipParenthesized() {
		check(at(TokenType.LEFT_PAREN));
		this.position = matchingClose(this.position) + 1;
	}

	/**
	 * The comma-separated items of the parenthesised list that comes next; the list is
	 * consumed.
	 */
	List<TokenCursor> parenthesizedItems() {
		check(at(TokenType.LEFT_PAREN));
		int close = matchingClose(this.position);
		List<TokenCursor> items = splitOnCommas(this.position + 1, close);
		this.position = close + 1;
		return items;
	}

	/** The comma-separated items of the rest of the statement, which is consumed. */
	List<TokenCursor> remainingItems() {
		List<TokenCursor> items = splitOnCommas(this.position, this.tokens.size());
		this.position = this.tokens.size();
		return items;
	}

	/**
	 * Whether the unquoted key word {@code word} comes later in the statement outside any
	 * parentheses.
	 */
	boolean hasTopLevelKeyword(String word) {
		return indexOfTopLevelKeyword(word) >= 0;
	}

	/**
	 * Moves just past the next top-level occurrence of {@code word}; false (and no move)
	 * if there is none.
	 */
	boolean skipPastTopLevelKeyword(String word) {
		int index = indexOfTopLevelKeyword(word);
		if (index < 0) {
			return false;
		}
		this.position = index + 1;
		return true;
	}

	private int indexOfTopLevelKeyword(String word) {
		int depth = 0;
		for (int i = this.position; i < this.tokens.size(); i++) {
			Token token = this.tokens.get(i);
			depth += nesting(token);
			if (depth == 0 && token.isKeyword(word)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Splits tokens {@code [from, to)} on top-level commas; an empty list is fine, an
	 * empty item or unbalanced brackets are not.
	 */
	private List<TokenCursor> splitOnCommas(int from, int to) {
		List<TokenCursor> items = new ArrayList<>();
		if (from == to) {
			return items;
		}
		int depth = 0;
		int itemStart = from;
		for (int i = from; i <= to; i++) {
			if (i == to || depth == 0 && this.tokens.get(i).type() == TokenType.COMMA) {
				check(i > itemStart);
				items.add(new TokenCursor(this.sql, this.tokens.subList(itemStart, i)));
				itemStart = i + 1;
			}
			else {
				depth += nesting(this.tokens.get(i));
				check(depth >= 0);
			}
		}
		check(depth == 0);
		return items;
	}

	/** The index of the bracket closing the one at {@code open}. */
	private int matchingClose(int open) {
		int depth = 0;
		for (int i = open; i < this.tokens.size(); i++) {
			depth += nesting(this.tokens.get(i));
			if (depth == 0) {
				return i;
			}
		}
		throw new UnrecognisedStatementException();
	}

	/** +1 for an opening and -1 for a closing parenthesis or square bracket. */
	private static int nesting(Token token) {
		return switch (token.type()) {
			case LEFT_PAREN, LEFT_BRACKET -> 1;
			case RIGHT_PAREN, RIGHT_BRACKET -> -1;
			default -> 0;
		};
	}

	private static void check(boolean condition) {
		if (!condition) {
			throw new UnrecognisedStatementException();
		}
	}

}
