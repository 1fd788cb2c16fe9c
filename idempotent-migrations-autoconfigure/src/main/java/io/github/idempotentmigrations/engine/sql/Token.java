package io.github.idempotentmigrations.engine.sql;

/**
 * One lexical token.
 *
 * @param type what kind of token it is
 * @param text the raw source text, quotes and prefixes included
 * @param start offset of the first character in the source
 * @param end offset just past the last character
 */
public record Token(TokenType type, String text, int start, int end) {

	/**
	 * The token's meaning: identifiers folded as PostgreSQL folds them, quoted
	 * identifiers and string constants without their quotes and escapes; any other
	 * token's text as is.
	 */
	public String value() {
		return switch (this.type) {
			case IDENTIFIER -> foldCase(this.text);
			case QUOTED_IDENTIFIER, STRING -> LiteralDecoder.decode(this.text);
			default -> this.text;
		};
	}

	/** Whether this is the unquoted keyword {@code word} (given in lower case). */
	public boolean isKeyword(String word) {
		return this.type == TokenType.IDENTIFIER && this.text.length() == word.length()
				&& foldCase(this.text).equals(word);
	}

	/**
	 * Whether this is a {@code U&"..."} identifier or {@code U&'...'} string, whose
	 * escapes are not decoded.
	 */
	public boolean isUnicodeEscaped() {
		return this.text.length() > 1 && (this.text.charAt(0) == 'U' || this.text.charAt(0) == 'u')
				&& this.text.charAt(1) == '&';
	}

	/**
	 * Folds an unquoted identifier. PostgreSQL lower-cases only ASCII letters in
	 * multi-byte encodings such as UTF-8, so {@code CAFÉ} names {@code cafÉ}.
	 */
	static String foldCase(String identifier) {
		StringBuilder folded = new StringBuilder(identifier.length());
		for (int i = 0; i < identifier.length(); i++) {
			char c = identifier.charAt(i);
			folded.append((c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c);
		}
		return folded.toString();
	}
}
