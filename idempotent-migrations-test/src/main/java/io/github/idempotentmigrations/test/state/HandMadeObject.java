package io.github.idempotentmigrations.test.state;

import java.util.Optional;
import java.util.Set;

/**
 * One schema object as someone would create it by hand, from the definition PostgreSQL
 * reports for it.
 *
 * @param kind what it is, e.g. {@code column}
 * @param key its identity, unique within a catalog (routines include argument types)
 * @param name its own name, as a migration statement would spell it, for finding that
 * statement in a report
 * @param ddl the SQL that creates it exactly as described
 * @param phase creation order: types before tables, tables before their columns,
 * constraints and indexes
 * @param requires keys of objects that must exist first
 * @param variant the same object with one definition changed, when the kind has a safe
 * one
 */
public record HandMadeObject(String kind, String key, String name, String ddl, int phase, Set<String> requires,
		Optional<String> variant) {

	public HandMadeObject {
		requires = Set.copyOf(requires);
	}

	/** The object with its differing definition in place of the real one. */
	public HandMadeObject differing() {
		return new HandMadeObject(this.kind, this.key, this.name, this.variant.orElseThrow(), this.phase, this.requires,
				Optional.empty());
	}

	@Override
	public String toString() {
		return this.key;
	}
}
