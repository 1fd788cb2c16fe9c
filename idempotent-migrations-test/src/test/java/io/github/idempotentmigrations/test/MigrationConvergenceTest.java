package io.github.idempotentmigrations.test;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import static io.github.idempotentmigrations.test.State.EDITED_MIGRATION;
import static io.github.idempotentmigrations.test.State.EMPTY;
import static io.github.idempotentmigrations.test.State.HISTORY_LOST;
import static io.github.idempotentmigrations.test.State.KILLED_MID_RUN;
import static io.github.idempotentmigrations.test.State.NO_HISTORY;
import static io.github.idempotentmigrations.test.State.NO_HISTORY_OBJECTS_MISSING;
import static io.github.idempotentmigrations.test.State.PENDING_WITH_HAND_MADE_OBJECTS;

/**
 * A migration set with the usual shapes (enum, serial and identity keys, foreign keys, checks, a function, a view, a
 * trigger, data, a concurrent index in a migration of its own) converges through the starter from the states the
 * engine supports, for several seeds.
 */
class MigrationConvergenceTest {

    private static final String MIGRATIONS = "classpath:convergence/good";

    @Test
    void convergesFromEveryStateTheEngineSupports() {
        for (long seed = 1; seed <= 3; seed++) {
            MigrationConvergence.ofLocations(MIGRATIONS)
                .withSeed(seed)
                .assertConvergesFrom(EMPTY, PENDING_WITH_HAND_MADE_OBJECTS, KILLED_MID_RUN);
        }
    }

    /**
     * The states the shadow replay answers. Today: adoption writes a BASELINE history row plain Flyway never writes
     * and takes the data of re-created tables as present (NO_HISTORY, NO_HISTORY_OBJECTS_MISSING); lost history rows
     * and an edited script re-run their migration, so an INSERT under a unique key fails (HISTORY_LOST,
     * EDITED_MIGRATION, for the seeds that pick a data migration).
     */
    @Test
    @Disabled("waits for the shadow replay: see the Javadoc for what the starter does today")
    void convergesFromTheAdoptionStates() {
        MigrationConvergence.ofLocations(MIGRATIONS)
            .assertConvergesFrom(NO_HISTORY, NO_HISTORY_OBJECTS_MISSING, HISTORY_LOST, EDITED_MIGRATION);
    }
}
