package io.github.idempotentmigrations.engine.sql;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SqlLexerTests {

	static Stream<Arguments> tokenTexts() {
		return Stream.of(arguments("SELECT 1", List.of("SELECT", "1")),
				arguments("  \t\n select\r\n1  ", List.of("select", "1")),
				arguments("a -- comment ; b\nc", List.of("a", "c")), arguments("a --\rb", List.of("a", "b")),
				arguments("a /* one */ b", List.of("a", "b")),
				arguments("a /* outer /* inner */ still comment */ b", List.of("a", "b")),
				arguments("a /* /* /* deep */ */ */ b", List.of("a", "b")),
				arguments("a /* -- not a line comment */ b", List.of("a", "b")),
				arguments("a -- /* not a block comment\nb", List.of("a", "b")),
				arguments("'it''s; -- not a comment'", List.of("'it''s; -- not a comment'")),
				arguments("E'it\\'s' x", List.of("E'it\\'s'", "x")), arguments("e'a\\\\' x", List.of("e'a\\\\'", "x")),
				arguments("B'1010' X'1F' N'abc'", List.of("B'1010'", "X'1F'", "N'abc'")),
				arguments("U&'d\\0061t' U&\"d\\0061t\"", List.of("U&'d\\0061t'", "U&\"d\\0061t\"")),
				arguments("$$ CREATE TABLE x (a int); $$ next", List.of("$$ CREATE TABLE x (a int); $$", "next")),
				arguments("$fn$ a $$ nested $$ b $fn$", List.of("$fn$ a $$ nested $$ b $fn$")),
				arguments("$a$ x $b$ y $a$", List.of("$a$ x $b$ y $a$")),
				arguments("\"weird \"\" name; --\"", List.of("\"weird \"\" name; --\"")),
				arguments("a.b", List.of("a", ".", "b")),
				arguments("\"My Schema\".\"T\"", List.of("\"My Schema\"", ".", "\"T\"")),
				arguments("x::int", List.of("x", "::", "int")),
				arguments("f($1, $22)", List.of("f", "(", "$1", ",", "$22", ")")),
				arguments("a>=b<>c", List.of("a", ">=", "b", "<>", "c")),
				arguments("a+-- comment\nb", List.of("a", "+", "b")),
				arguments("a*/* comment */b", List.of("a", "*", "b")),
				arguments("arr[1:2]", List.of("arr", "[", "1", ":", "2", "]")),
				arguments("1.5 .5 1e10 1.5E-3 0x1F 1_000", List.of("1.5", ".5", "1e10", "1.5E-3", "0x1F", "1_000")),
				arguments("1-2", List.of("1", "-", "2")),
				arguments("café таблица_1 日本", List.of("café", "таблица_1", "日本")),
				arguments("a$b foo$$", List.of("a$b", "foo$$")),
				arguments("SELECT 1;SELECT 2;", List.of("SELECT", "1", ";", "SELECT", "2", ";")),
				arguments("jsonb ? 'k' #> '{a}'", List.of("jsonb", "?", "'k'", "#>", "'{a}'")),
				arguments("", List.of()), arguments("-- only a comment", List.of()),
				arguments("/* only */ /* comments */", List.of()));
	}

	@ParameterizedTest
	@MethodSource("tokenTexts")
	void splitsSourceIntoTokens(String sql, List<String> expected) {
		assertThat(SqlLexer.tokenize(sql)).extracting(Token::text).containsExactlyElementsOf(expected);
	}

	static Stream<Arguments> tokenTypes() {
		return Stream.of(arguments("create", TokenType.IDENTIFIER),
				arguments("\"Create\"", TokenType.QUOTED_IDENTIFIER), arguments("U&\"x\"", TokenType.QUOTED_IDENTIFIER),
				arguments("'text'", TokenType.STRING), arguments("E'text'", TokenType.STRING),
				arguments("U&'text'", TokenType.STRING), arguments("$$text$$", TokenType.STRING),
				arguments("$tag$text$tag$", TokenType.STRING), arguments("42", TokenType.NUMBER),
				arguments("$3", TokenType.PARAMETER), arguments("(", TokenType.LEFT_PAREN),
				arguments(")", TokenType.RIGHT_PAREN), arguments("[", TokenType.LEFT_BRACKET),
				arguments("]", TokenType.RIGHT_BRACKET), arguments(",", TokenType.COMMA),
				arguments(";", TokenType.SEMICOLON), arguments(".", TokenType.DOT),
				arguments("::", TokenType.DOUBLE_COLON), arguments("||", TokenType.OPERATOR),
				arguments("{", TokenType.OPERATOR));
	}

	@ParameterizedTest
	@MethodSource("tokenTypes")
	void recognisesTokenTypes(String sql, TokenType expected) {
		assertThat(SqlLexer.tokenize(sql)).singleElement().extracting(Token::type).isEqualTo(expected);
	}

	static Stream<Arguments> tokenValues() {
		return Stream.of(arguments("UserId", "userid"), arguments("USERS", "users"), arguments("\"UserId\"", "UserId"),
				arguments("\"a \"\"quoted\"\" name\"", "a \"quoted\" name"), arguments("\"with.dot\"", "with.dot"),
				arguments("CAFÉ", "cafÉ"), arguments("ТАБЛИЦА", "ТАБЛИЦА"), arguments("INDEX", "index"),
				arguments("'it''s'", "it's"), arguments("E'it\\'s'", "it's"), arguments("E'it''s'", "it's"),
				arguments("E'tab\\there\\nnewline'", "tab\there\nnewline"),
				arguments("E'\\x41\\101\\u00e9\\q'", "AAéq"), arguments("N'national'", "national"),
				arguments("$$ body ' with quote $$", " body ' with quote "), arguments("$tag$x$tag$", "x"),
				arguments("'unterminated", "unterminated"), arguments("\"unterminated", "unterminated"),
				arguments("$$unterminated", "unterminated"),
				arguments("'standard \\ backslash'", "standard \\ backslash"));
	}

	@ParameterizedTest
	@MethodSource("tokenValues")
	void decodesValues(String sql, String expected) {
		assertThat(SqlLexer.tokenize(sql)).singleElement().extracting(Token::value).isEqualTo(expected);
	}

	@ParameterizedTest
	@ValueSource(strings = { "'never closed", "E'ends in backslash\\", "\"never closed", "$$never closed",
			"$tag$ never closed $ta", "/* never /* closed */", "U&", "E", "$", "$a", "1e", "1.e+", "@@@", "\\", "\0",
			"''''", "\"\"\"\"", "a\u00A0b", "--", "/*", "'", "\"" })
	void neverFailsAndCoversItsInput(String sql) {
		List<Token> tokens = SqlLexer.tokenize(sql);

		assertThat(tokens).allSatisfy((token) -> {
			assertThat(sql.substring(token.start(), token.end())).isEqualTo(token.text());
			assertThat(token.value()).isNotNull();
		});
	}

	@Test
	void unterminatedLiteralRunsToTheEnd() {
		assertThat(SqlLexer.tokenize("SELECT 'abc; DROP TABLE x;")).extracting(Token::text)
			.containsExactly("SELECT", "'abc; DROP TABLE x;");
	}

	@Test
	void recordsSourceOffsets() {
		List<Token> tokens = SqlLexer.tokenize("  CREATE /* c */ TABLE \"T\"");

		assertThat(tokens).extracting(Token::start).containsExactly(2, 17, 23);
		assertThat(tokens).extracting(Token::end).containsExactly(8, 22, 26);
	}

	@Test
	void keywordsMatchCaseInsensitivelyButNeverQuoted() {
		List<Token> tokens = SqlLexer.tokenize("TaBlE \"table\"");

		assertThat(tokens.get(0).isKeyword("table")).isTrue();
		assertThat(tokens.get(1).isKeyword("table")).isFalse();
	}

}
