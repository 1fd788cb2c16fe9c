package io.github.idempotentmigrations.engine.catalog;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A table column as PostgreSQL describes it.
 *
 * @param name column name
 * @param type {@code format_type()} of the column, e.g. {@code character varying(255)}
 * @param notNull whether it is NOT NULL
 * @param defaultExpression {@code pg_get_expr()} of the default (of the generation
 * expression for a generated column), or null
 * @param identity {@code attidentity} ('' none, 'a' always, 'd' by default)
 * @param generated whether it is a stored generated column
 * @param collation the quoted collation when it is not its type's default, else null
 */
public record Column(String name, String type, boolean notNull, @Nullable String defaultExpression, String identity,
		boolean generated, @Nullable String collation) {

	/**
	 * A readable definition, e.g.
	 * {@code email character varying(255) NOT NULL DEFAULT 'x'}.
	 */
	public String definition() {
		String value = (this.defaultExpression != null) ? this.generated
				? " GENERATED ALWAYS AS (" + this.defaultExpression + ") STORED" : " DEFAULT " + this.defaultExpression
				: "";
		return this.name + " " + this.type + ((this.collation != null) ? " COLLATE " + this.collation : "")
				+ (this.notNull ? " NOT NULL" : "") + value + (this.identity.isEmpty() ? ""
						: " GENERATED " + ("a".equals(this.identity) ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY");
	}

	/**
	 * Same type, collation, nullability, default, identity and generation: the name is
	 * not compared.
	 */
	public boolean sameDefinitionAs(Column other) {
		return this.type.equals(other.type) && this.notNull == other.notNull
				&& Objects.equals(this.defaultExpression, other.defaultExpression)
				&& this.identity.equals(other.identity) && this.generated == other.generated
				&& Objects.equals(this.collation, other.collation);
	}
}
