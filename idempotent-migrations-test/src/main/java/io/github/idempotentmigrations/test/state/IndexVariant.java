package io.github.idempotentmigrations.test.state;

import java.util.List;
import java.util.Optional;

/**
 * The same index built on another column of its table: a hand-made index that only looks
 * like the migration's.
 */
final class IndexVariant {

	private IndexVariant() {
	}

	/**
	 * Rewrites the key list of {@code pg_get_indexdef} output
	 * ({@code ... USING btree (a, b) ...}) to one column the index does not use; empty
	 * when the table has no such column.
	 */
	static Optional<String> onAnotherColumn(String indexDefinition, List<String> tableColumns) {
		int using = indexDefinition.indexOf(" USING ");
		int open = (using < 0) ? -1 : indexDefinition.indexOf('(', using);
		int close = closing(indexDefinition, open);
		if (close < 0) {
			return Optional.empty();
		}
		String keys = indexDefinition.substring(open + 1, close);
		return tableColumns.stream()
			.filter((column) -> !keys.matches("(?s).*\\b" + java.util.regex.Pattern.quote(column) + "\\b.*"))
			.findFirst()
			.map((column) -> indexDefinition.substring(0, open + 1) + column + indexDefinition.substring(close));
	}

	private static int closing(String text, int open) {
		if (open < 0) {
			return -1;
		}
		int depth = 0;
		for (int i = open; i < text.length(); i++) {
			if (text.charAt(i) == '(') {
				depth++;
			}
			else if (text.charAt(i) == ')' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

}
