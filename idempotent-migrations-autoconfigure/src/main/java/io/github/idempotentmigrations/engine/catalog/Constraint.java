package io.github.idempotentmigrations.engine.catalog;

/**
 * A table constraint.
 *
 * @param name constraint name
 * @param type {@code contype}: p, u, f, c, x, n (not-null, PostgreSQL 18)
 * @param definition {@code pg_get_constraintdef()}, e.g.
 * {@code FOREIGN KEY (user_id) REFERENCES users(id)}
 */
public record Constraint(String name, String type, String definition) {

	/**
	 * Whether it was added NOT VALID and never validated: rows from before it may violate
	 * it.
	 */
	public boolean notValidated() {
		return this.definition.endsWith(" NOT VALID");
	}

	/**
	 * The definition without a trailing NOT VALID, so a probe added NOT VALID compares
	 * equal.
	 */
	public String comparableDefinition() {
		return this.definition.endsWith(" NOT VALID") ? this.definition.substring(0, this.definition.length() - 10)
				: this.definition;
	}
}
