package io.github.idempotentmigrations.engine.catalog;

/**
 * An index of a table.
 *
 * @param name index name
 * @param definition {@code pg_get_indexdef()}
 * @param valid {@code indisvalid}: false for a leftover of a failed concurrent build
 */
public record Index(String name, String definition, boolean valid) {

	/**
	 * What the index does, independent of its name and its table's name: {@code UNIQUE}
	 * plus everything from {@code USING} on (method, keys, predicate).
	 */
	public String shape() {
		int using = this.definition.indexOf(" USING ");
		String body = (using < 0) ? this.definition : this.definition.substring(using);
		return (this.definition.startsWith("CREATE UNIQUE") ? "UNIQUE" : "") + body;
	}
}
