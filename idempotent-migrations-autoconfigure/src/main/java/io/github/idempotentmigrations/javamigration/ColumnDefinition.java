package io.github.idempotentmigrations.javamigration;

import org.jspecify.annotations.Nullable;

/** Options of one column: {@code c -> c.notNull().defaultTo("now()")}. */
public final class ColumnDefinition {

	private boolean notNull;

	private @Nullable String defaultExpression;

	private boolean unique;

	private @Nullable String references;

	ColumnDefinition() {
	}

	/** Adds {@code NOT NULL}. */
	public ColumnDefinition notNull() {
		this.notNull = true;
		return this;
	}

	/**
	 * Adds {@code DEFAULT <expression>}; the expression is trusted raw SQL, e.g.
	 * {@code "0"}, {@code "now()"}.
	 */
	public ColumnDefinition defaultTo(String expression) {
		this.defaultExpression = Sql.fragment(expression, "default expression");
		return this;
	}

	/** Adds {@code UNIQUE}. */
	public ColumnDefinition unique() {
		this.unique = true;
		return this;
	}

	/** Adds {@code REFERENCES <tableName> (<column>)}. */
	public ColumnDefinition references(String table, String column) {
		this.references = Sql.quote(table, "referenced table name") + " (" + Sql.quote(column, "referenced column name")
				+ ")";
		return this;
	}

	String toSql(String name, String type) {
		StringBuilder sql = new StringBuilder(Sql.quote(name, "column name")).append(' ')
			.append(Sql.fragment(type, "column type"));
		if (this.notNull) {
			sql.append(" NOT NULL");
		}
		if (this.defaultExpression != null) {
			sql.append(" DEFAULT ").append(this.defaultExpression);
		}
		if (this.unique) {
			sql.append(" UNIQUE");
		}
		if (this.references != null) {
			sql.append(" REFERENCES ").append(this.references);
		}
		return sql.toString();
	}

}
