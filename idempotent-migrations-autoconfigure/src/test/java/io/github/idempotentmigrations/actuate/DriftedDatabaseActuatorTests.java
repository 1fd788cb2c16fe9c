package io.github.idempotentmigrations.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The schema endpoints over HTTP after adopting a database whose objects were created without Flyway history. */
class DriftedDatabaseActuatorTests extends ActuatorHttpTestSupport {

    private static final TestDatabase database = createDrifted();

    @DynamicPropertySource
    static void dataSource(DynamicPropertyRegistry registry) {
        database.addDataSourceProperties(registry::add);
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    private static TestDatabase createDrifted() {
        TestDatabase drifted = TestDatabase.create();
        drifted.execute("""
                CREATE TABLE chats (id bigserial PRIMARY KEY, title text NOT NULL);
                ALTER TABLE chats ADD COLUMN last_message_at timestamptz;
                """);
        return drifted;
    }

    @Test
    void healthIsUpOnceTheExistingObjectsAreAdopted() throws Exception {
        DocumentContext health = get("/actuator/health/schema");

        assertThat(health.read("$.status", String.class)).isEqualTo("UP");
        assertThat(health.read("$.details.state", String.class)).isEqualTo("CONVERGED");
        assertThat(health.read("$.details.currentVersion", String.class)).isEqualTo("2");
        assertThat(health.read("$.details.pending", Integer.class)).isZero();
        assertThat(health.read("$.details.drift", List.class)).isEmpty();
    }

    @Test
    void endpointShowsWhatWasAlreadyPresentAndWhatWasCreated() throws Exception {
        DocumentContext schema = get("/actuator/schema");

        assertThat(schema.read("$.lastRun.converged", Boolean.class)).isTrue();
        assertThat(schema.read("$.lastRun.migrations[0].statements[*].outcome", List.class))
            .containsExactly("SKIPPED", "APPLIED");
        assertThat(schema.read("$.lastRun.migrations[0].statements[0].object", String.class))
            .isEqualTo("public.chats");
        // applied statements name their object as written: the normal path reads no catalog
        assertThat(schema.read("$.lastRun.migrations[0].statements[1].object", String.class))
            .isEqualTo("chats_title_idx");
        assertThat(schema.read("$.lastRun.migrations[1].statements[0].outcome", String.class)).isEqualTo("SKIPPED");
        assertThat(schema.read("$.lastRun.statements.skipped", Integer.class)).isEqualTo(2);
        assertThat(schema.read("$.lastRun.statements.applied", Integer.class)).isEqualTo(1);
        assertThat(schema.read("$.status.state", String.class)).isEqualTo("CONVERGED");
    }

    @Test
    void infoCountsTheAdoptedMigrationsAsApplied() throws Exception {
        DocumentContext info = get("/actuator/info");

        assertThat(info.read("$.schema.appliedMigrations", Integer.class)).isEqualTo(2);
        assertThat(info.read("$.schema.lastRun.statements.skipped", Integer.class)).isEqualTo(2);
    }
}
