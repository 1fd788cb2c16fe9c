package io.github.idempotentmigrations.javamigration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Columns and constraints of a table for {@link IdempotentOperations#createTable}:
 * {@code t -> t.column("id", "bigserial").column("name", "text", c -> c.notNull()).primaryKey("id")}.
 */
public final class TableDefinition {

	private final List<String> elements = new ArrayList<>();

	TableDefinition() {
	}

	/** Adds a column; {@code type} is trusted raw SQL such as {@code "varchar(100)"}. */
	public TableDefinition column(String name, String type) {
		return column(name, type, (c) -> {
		});
	}

	/** Adds a column with options. */
	public TableDefinition column(String name, String type, Consumer<ColumnDefinition> options) {
		ColumnDefinition column = new ColumnDefinition();
		options.accept(column);
		this.elements.add(column.toSql(name, type));
		return this;
	}

	/** Adds {@code PRIMARY KEY (<columns>)}. */
	public TableDefinition primaryKey(String... columns) {
		this.elements.add("PRIMARY KEY (" + Sql.columns(List.of(columns)) + ")");
		return this;
	}

	/** Adds {@code CONSTRAINT <name> UNIQUE (<columns>)}. */
	public TableDefinition unique(String constraintName, String... columns) {
		this.elements.add("CONSTRAINT " + Sql.quote(constraintName, "constraint name") + " UNIQUE ("
				+ Sql.columns(List.of(columns)) + ")");
		return this;
	}

	/**
	 * Adds
	 * {@code CONSTRAINT <name> FOREIGN KEY (<column>) REFERENCES <refTable> (<refColumn>) [<actions>]}.
	 */
	public TableDefinition foreignKey(String constraintName, String column, String refTable, String refColumn,
			String actions) {
		this.elements.add("CONSTRAINT " + Sql.quote(constraintName, "constraint name") + " "
				+ IdempotentOperations.foreignKeySql(List.of(column), refTable, List.of(refColumn), actions));
		return this;
	}

	/**
	 * Adds {@code CONSTRAINT <name> CHECK (<expression>)}; the expression is trusted raw
	 * SQL.
	 */
	public TableDefinition check(String constraintName, String expression) {
		this.elements.add("CONSTRAINT " + Sql.quote(constraintName, "constraint name") + " CHECK ("
				+ Sql.fragment(expression, "check expression") + ")");
		return this;
	}

	String toSql() {
		if (this.elements.isEmpty()) {
			throw new IllegalArgumentException("a table needs at least one column");
		}
		return String.join(",\n    ", this.elements);
	}

}
