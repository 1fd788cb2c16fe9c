package io.github.idempotentmigrations.sample;

import io.github.idempotentmigrations.test.MigrationConvergence;
import org.junit.jupiter.api.Test;

import static io.github.idempotentmigrations.test.State.EMPTY;
import static io.github.idempotentmigrations.test.State.KILLED_MID_RUN;
import static io.github.idempotentmigrations.test.State.PENDING_WITH_HAND_MADE_OBJECTS;

/**
 * The sample's own migrations, SQL and Java, converge through the starter from every state the engine supports
 * today; each state runs on a fresh database of its own.
 */
class SampleMigrationsConvergeTests {

    @Test
    void migrationsConverge() {
        MigrationConvergence.ofLocations("classpath:db/migration")
            .assertConvergesFrom(EMPTY, PENDING_WITH_HAND_MADE_OBJECTS, KILLED_MID_RUN);
    }
}
