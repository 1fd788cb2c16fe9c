package io.github.idempotentmigrations.flyway;

import java.util.List;
import java.util.regex.Pattern;

import io.github.idempotentmigrations.engine.sql.SqlLexer;
import io.github.idempotentmigrations.engine.sql.Token;
import io.github.idempotentmigrations.engine.sql.TokenType;
import org.jspecify.annotations.Nullable;

import org.springframework.lang.Contract;

/**
 * Masks credentials in text shown to people (logs, Actuator, failure text): password
 * parameters and user info of JDBC URLs, every literal of a role or user statement
 * ({@code CREATE/ALTER ROLE/USER/GROUP}: a password can be in any quoting PostgreSQL
 * reads), and a {@code PASSWORD} literal inside other text. Driver and Flyway messages
 * can carry the URL.
 */
public final class CredentialMasker {

	private static final String MASK = "******";

	private static final Pattern KEY_VALUE = Pattern
		.compile("(?i)\\b((?:ssl)?password|pwd|secret|token)(\\s*[=:]\\s*)[^\\s&;,)'\"]+");

	private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/\\s:@]+:)[^@/\\s]+@");

	/**
	 * {@code PASSWORD} then a literal: {@code '...'}, {@code E'...'}, {@code U&'...'},
	 * {@code $tag$...$tag$}.
	 */
	private static final Pattern SQL_PASSWORD = Pattern
		.compile("(?i)\\b(PASSWORD\\s+)(?:E'(?:[^'\\\\]|''|\\\\.)*'|(?:U&)?'(?:[^']|'')*'"
				+ "|(\\$[A-Za-z_0-9]*\\$)(?s:.*?)\\2)");

	private static final Pattern ROLE_STATEMENT = Pattern.compile("(?i)(CREATE|ALTER)\\s+(ROLE|USER|GROUP)\\b.*",
			Pattern.DOTALL);

	private CredentialMasker() {
	}

	/** The text with every credential replaced by {@code ******}; null stays null. */
	@Contract("!null -> !null")
	public static @Nullable String mask(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String masked = KEY_VALUE.matcher(text).replaceAll("$1$2" + MASK);
		masked = URL_USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
		masked = SQL_PASSWORD.matcher(masked).replaceAll("$1'" + MASK + "'");
		return roleStatementLiterals(masked);
	}

	/**
	 * A role or user statement with each string literal masked, as the lexer reads them;
	 * other text as is.
	 */
	private static String roleStatementLiterals(String text) {
		List<Token> tokens = SqlLexer.tokenize(text);
		if (tokens.isEmpty() || !ROLE_STATEMENT.matcher(text.substring(tokens.get(0).start())).matches()) {
			return text;
		}
		StringBuilder masked = new StringBuilder(text);
		for (int i = tokens.size() - 1; i >= 0; i--) {
			Token token = tokens.get(i);
			if (token.type() == TokenType.STRING) {
				masked.replace(token.start(), token.end(), "'" + MASK + "'");
			}
		}
		return masked.toString();
	}

}
