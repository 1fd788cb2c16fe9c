package io.github.idempotentmigrations.test;

import java.util.Map;

/**
 * How a state was reached: what was done, for the failure message, and what a person who
 * knows it tells the starter (e.g. {@code idempotent-migrations.repair.assume-applied}
 * for history rows they know were lost).
 *
 * @param description what was done
 * @param properties starter settings the start on this state adds
 */
record Reached(String description, Map<String, String> properties) {

	Reached {
		properties = Map.copyOf(properties);
	}

	/** A state the starter needs no one's word on. */
	static Reached by(String description) {
		return new Reached(description, Map.of());
	}
}
