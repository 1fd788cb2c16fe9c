package io.github.idempotentmigrations.engine.sql;

/**
 * Turns the raw text of a quoted identifier or string constant into the value it denotes.
 */
final class LiteralDecoder {

	private LiteralDecoder() {
	}

	/**
	 * Decodes a token's text; an unterminated literal decodes to everything after its
	 * opening quote.
	 */
	static String decode(String text) {
		if (text.startsWith("$")) {
			return dollarQuotedBody(text);
		}
		int quote = openingQuote(text);
		boolean backslashEscapes = quote == 1 && (text.charAt(0) == 'E' || text.charAt(0) == 'e');
		return unquote(text, quote, backslashEscapes);
	}

	/**
	 * Prefixes ({@code E}, {@code U&}, ...) hold no quote, so the first quote character
	 * opens the literal.
	 */
	private static int openingQuote(String text) {
		int quote = 0;
		while (text.charAt(quote) != '\'' && text.charAt(quote) != '"') {
			quote++;
		}
		return quote;
	}

	private static String dollarQuotedBody(String text) {
		String tag = text.substring(0, text.indexOf('$', 1) + 1);
		boolean terminated = text.length() >= 2 * tag.length() && text.endsWith(tag);
		return text.substring(tag.length(), terminated ? text.length() - tag.length() : text.length());
	}

	private static String unquote(String text, int openingQuote, boolean backslashEscapes) {
		char quote = text.charAt(openingQuote);
		StringBuilder value = new StringBuilder();
		for (int i = openingQuote + 1; i < text.length(); i++) {
			char c = text.charAt(i);
			if (backslashEscapes && c == '\\' && i + 1 < text.length()) {
				i = appendEscape(text, i + 1, value);
			}
			else if (c != quote) {
				value.append(c);
			}
			else if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
				value.append(quote);
				i++;
			}
			else {
				break;
			}
		}
		return value.toString();
	}

	/**
	 * Appends the character escaped at {@code at} (just after the backslash); returns the
	 * last index consumed.
	 */
	private static int appendEscape(String text, int at, StringBuilder value) {
		char c = text.charAt(at);
		if (c == 'x') {
			return appendCodePoint(text, at + 1, 2, 16, value, c);
		}
		if (c == 'u') {
			return appendCodePoint(text, at + 1, 4, 16, value, c);
		}
		if (c == 'U') {
			return appendCodePoint(text, at + 1, 8, 16, value, c);
		}
		if (c >= '0' && c <= '7') {
			return appendCodePoint(text, at, 3, 8, value, c);
		}
		value.append(switch (c) {
			case 'b' -> '\b';
			case 'f' -> '\f';
			case 'n' -> '\n';
			case 'r' -> '\r';
			case 't' -> '\t';
			default -> c;
		});
		return at;
	}

	/**
	 * Reads up to {@code maxDigits} digits from {@code from} and appends the code point
	 * they spell; without any digit appends {@code fallback} itself, as PostgreSQL does
	 * for e.g. {@code \x} not followed by a hex digit.
	 */
	private static int appendCodePoint(String text, int from, int maxDigits, int radix, StringBuilder value,
			char fallback) {
		int end = from;
		while (end < text.length() && end - from < maxDigits && Character.digit(text.charAt(end), radix) >= 0) {
			end++;
		}
		if (end == from) {
			value.append(fallback);
			return from - 1;
		}
		int codePoint = Integer.parseInt(text.substring(from, end), radix);
		value.appendCodePoint(Character.isValidCodePoint(codePoint) ? codePoint : '\uFFFD');
		return end - 1;
	}

}
