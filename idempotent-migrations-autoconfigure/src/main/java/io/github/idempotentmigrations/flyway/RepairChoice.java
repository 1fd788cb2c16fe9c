package io.github.idempotentmigrations.flyway;

/**
 * The value of one {@code idempotent-migrations.repair.*} key: each key has its own enum
 * holding only the values that key means, all named after the {@link RepairPolicy} they
 * stand for.
 */
public interface RepairChoice {

	/** The constant's name, as every enum has it. */
	String name();

	/** What startup does for this value. */
	default RepairPolicy policy() {
		return RepairPolicy.valueOf(name());
	}

}
