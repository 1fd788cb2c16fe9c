package io.github.idempotentmigrations.sample;

import io.github.idempotentmigrations.test.MigrationConvergence;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.idempotentmigrations.test.State.EMPTY;
import static io.github.idempotentmigrations.test.State.KILLED_MID_RUN;
import static io.github.idempotentmigrations.test.State.PENDING_WITH_HAND_MADE_OBJECTS;

/**
 * The sample's own migrations, SQL and Java, taken from its application context, converge through the starter from
 * every state the engine supports today; each state runs on a fresh database of its own, never the context's.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
class SampleMigrationsConvergeTests {

    private static final TestDatabase database = TestDatabase.create();

    @Autowired
    private ApplicationContext context;

    @DynamicPropertySource
    static void useTestDatabase(DynamicPropertyRegistry registry) {
        database.addDataSourceProperties(registry::add);
    }

    @AfterAll
    static void dropTestDatabase() {
        database.close();
    }

    @Test
    void migrationsConverge() {
        MigrationConvergence.of(this.context)
            .assertConvergesFrom(EMPTY, PENDING_WITH_HAND_MADE_OBJECTS, KILLED_MID_RUN);
    }
}
