package io.github.idempotentmigrations.engine;

import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.Constraint;
import io.github.idempotentmigrations.engine.catalog.TableDetails;

/** Comparisons of constraints as PostgreSQL describes them. */
final class Constraints {

	private Constraints() {
	}

	/**
	 * Whether the table has a constraint of the same type and definition, whatever its
	 * name.
	 */
	static boolean hasEquivalent(TableDetails table, Constraint wanted) {
		return equivalent(table, wanted).isPresent();
	}

	/**
	 * The table's constraint of the same type and definition (validated or not), whatever
	 * its name.
	 */
	static Optional<Constraint> equivalent(TableDetails table, Constraint wanted) {
		return table.constraints()
			.values()
			.stream()
			.filter((c) -> c.type().equals(wanted.type())
					&& c.comparableDefinition().equals(wanted.comparableDefinition()))
			.findFirst();
	}

}
