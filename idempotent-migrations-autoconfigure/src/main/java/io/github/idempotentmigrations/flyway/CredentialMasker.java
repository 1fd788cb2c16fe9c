package io.github.idempotentmigrations.flyway;

import java.util.regex.Pattern;

/**
 * Masks credentials in text shown to people (logs, Actuator, failure text): password parameters and user info of
 * JDBC URLs, and {@code PASSWORD '...'} literals of role statements. Driver and Flyway messages can carry the URL.
 */
public final class CredentialMasker {

    private static final String MASK = "******";

    private static final Pattern KEY_VALUE = Pattern
        .compile("(?i)\\b((?:ssl)?password|pwd|secret|token)(\\s*[=:]\\s*)[^\\s&;,)'\"]+");

    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/\\s:@]+:)[^@/\\s]+@");

    private static final Pattern SQL_PASSWORD = Pattern.compile("(?i)\\b(PASSWORD\\s+)'(?:[^']|'')*'");

    private CredentialMasker() {
    }

    /** The text with every credential replaced by {@code ******}; null stays null. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = KEY_VALUE.matcher(text).replaceAll("$1$2" + MASK);
        masked = URL_USER_INFO.matcher(masked).replaceAll("$1" + MASK + "@");
        return SQL_PASSWORD.matcher(masked).replaceAll("$1'" + MASK + "'");
    }
}
