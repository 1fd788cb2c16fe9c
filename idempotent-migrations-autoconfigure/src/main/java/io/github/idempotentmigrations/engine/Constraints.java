package io.github.idempotentmigrations.engine;

import io.github.idempotentmigrations.engine.catalog.Constraint;
import io.github.idempotentmigrations.engine.catalog.TableDetails;

/** Comparisons of constraints as PostgreSQL describes them. */
final class Constraints {

    private Constraints() {
    }

    /** Whether the table has a constraint of the same type and definition, whatever its name. */
    static boolean hasEquivalent(TableDetails table, Constraint wanted) {
        return table.constraints().values().stream()
            .anyMatch(c -> c.type().equals(wanted.type())
                    && c.comparableDefinition().equals(wanted.comparableDefinition()));
    }
}
