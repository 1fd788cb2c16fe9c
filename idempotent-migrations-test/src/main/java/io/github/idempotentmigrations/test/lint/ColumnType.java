package io.github.idempotentmigrations.test.lint;

import java.util.List;
import java.util.Set;

import io.github.idempotentmigrations.engine.sql.Token;
import io.github.idempotentmigrations.engine.sql.TokenType;
import org.jspecify.annotations.Nullable;

/**
 * A column's declared type as written (folded to lower case, spaces dropped:
 * {@code varchar(200)}), and whether changing one type into another can skip the table
 * rewrite: PostgreSQL keeps the data as it is only for binary-compatible changes that
 * cannot fail, such as widening a {@code varchar} or a {@code numeric}.
 */
final class ColumnType {

	/** Words that end a type inside a column definition. */
	private static final Set<String> TYPE_END = Set.of("not", "null", "default", "primary", "unique", "references",
			"check", "constraint", "generated", "collate", "using", "deferrable", "initially");

	private ColumnType() {
	}

	/**
	 * The type written from {@code tokens[from]} up to the first constraint keyword at
	 * parenthesis depth 0.
	 */
	static String read(List<Token> tokens, int from) {
		StringBuilder type = new StringBuilder();
		int depth = 0;
		for (int i = from; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (depth == 0 && token.type() == TokenType.IDENTIFIER && TYPE_END.contains(token.value())) {
				break;
			}
			depth += (token.type() != TokenType.LEFT_PAREN) ? (token.type() != TokenType.RIGHT_PAREN) ? 0 : -1 : 1;
			type.append((type.length() > 0 && token.type() == TokenType.IDENTIFIER
					&& Character.isLetter(type.charAt(type.length() - 1))) ? " " : "")
				.append(token.text());
		}
		return type.toString().toLowerCase().replace("character varying", "varchar").replace(" ", "");
	}

	/**
	 * Whether changing {@code from} (null when unknown) into {@code to} rewrites the
	 * table: true unless it is a widening PostgreSQL does in place.
	 */
	static boolean rewrites(@Nullable String from, String to) {
		if (from == null) {
			return true;
		}
		if (from.equals(to)) {
			return false;
		}
		String fromBase = base(from);
		String toBase = base(to);
		if (to.equals("text") && (fromBase.equals("varchar") || fromBase.equals("text"))) {
			return false;
		}
		if (fromBase.equals(toBase) && (fromBase.equals("varchar") || fromBase.equals("numeric"))) {
			return !widens(arguments(from), arguments(to));
		}
		return true;
	}

	/** Unbounded, or every bound at least as large with the same numeric scale. */
	private static boolean widens(int[] from, int[] to) {
		if (to.length == 0) {
			return true;
		}
		if (from.length == 0 || to[0] < from[0]) {
			return false;
		}
		int fromScale = (from.length > 1) ? from[1] : 0;
		int toScale = (to.length > 1) ? to[1] : 0;
		return fromScale == toScale;
	}

	private static String base(String type) {
		int paren = type.indexOf('(');
		return (paren < 0) ? type : type.substring(0, paren);
	}

	private static int[] arguments(String type) {
		int paren = type.indexOf('(');
		if (paren < 0 || !type.endsWith(")")) {
			return new int[0];
		}
		try {
			String[] parts = type.substring(paren + 1, type.length() - 1).split(",");
			int[] values = new int[parts.length];
			for (int i = 0; i < parts.length; i++) {
				values[i] = Integer.parseInt(parts[i]);
			}
			return values;
		}
		catch (NumberFormatException ex) {
			return new int[0];
		}
	}

}
