package io.github.idempotentmigrations.test;

import org.junit.jupiter.api.Test;

import static io.github.idempotentmigrations.test.State.EMPTY;
import static io.github.idempotentmigrations.test.State.KILLED_MID_RUN;
import static io.github.idempotentmigrations.test.State.PENDING_WITH_HAND_MADE_OBJECTS;

/**
 * A migration set with the usual shapes (enum, serial and identity keys, foreign keys, checks, a function, a view, a
 * trigger, data, a concurrent index in a migration of its own) converges through the starter from every state the
 * engine supports, for several seeds.
 */
class MigrationConvergenceTest {

    @Test
    void convergesFromEveryStateTheEngineSupports() {
        for (long seed = 1; seed <= 3; seed++) {
            MigrationConvergence.ofLocations("classpath:convergence/good")
                .withSeed(seed)
                .assertConvergesFrom(EMPTY, PENDING_WITH_HAND_MADE_OBJECTS, KILLED_MID_RUN);
        }
    }
}
