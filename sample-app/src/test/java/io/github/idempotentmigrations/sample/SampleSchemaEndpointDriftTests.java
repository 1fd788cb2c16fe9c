package io.github.idempotentmigrations.sample;

import java.util.List;

import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The sample started with the drift switch: Actuator shows how the starter adopted the hand-made schema. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.drift=true")
@AutoConfigureRestTestClient
class SampleSchemaEndpointDriftTests {

    private static final TestDatabase database = TestDatabase.create();

    @Autowired
    private RestTestClient http;

    @DynamicPropertySource
    static void useTestDatabase(DynamicPropertyRegistry registry) {
        database.addDataSourceProperties(registry::add);
    }

    @AfterAll
    static void dropTestDatabase() {
        database.close();
    }

    @Test
    void endpointShowsTheAdoptionStatementByStatement() {
        String v1 = "$.lastRun.migrations[?(@.version == '1')]";
        String v2 = "$.lastRun.migrations[?(@.version == '2')]";
        this.http.get().uri("/actuator/schema").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status.state").isEqualTo("CONVERGED")
            .jsonPath("$.status.currentVersion").isEqualTo("6")
            .jsonPath("$.status.appliedMigrations").isEqualTo(6)
            .jsonPath("$.lastRun.mode").isEqualTo("MIGRATE")
            .jsonPath("$.lastRun.converged").isEqualTo(true)
            .jsonPath("$.lastRun.repairs[0].kind").isEqualTo("UNHISTORIED_SCHEMA")
            .jsonPath("$.lastRun.statements.applied").isEqualTo(7)
            .jsonPath("$.lastRun.statements.skipped").isEqualTo(2)
            .jsonPath("$.lastRun.statements.reconciled").isEqualTo(1)
            .jsonPath("$.lastRun.statements.conflict").isEqualTo(0)
            .jsonPath(v1 + ".statements[0].kind").isEqualTo(List.of("CREATE_TABLE"))
            .jsonPath(v1 + ".statements[0].object").isEqualTo(List.of("public.users"))
            .jsonPath(v1 + ".statements[0].outcome").isEqualTo(List.of("RECONCILED"))
            .jsonPath(v1 + ".statements[0].actions[0]")
            .isEqualTo(List.of("ALTER TABLE \"public\".\"users\" ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now()"))
            .jsonPath(v2 + ".statements[0].object").isEqualTo(List.of("public.chats"))
            .jsonPath(v2 + ".statements[0].outcome").isEqualTo(List.of("SKIPPED"))
            .jsonPath("$.lastRun.ensured[0]").isEqualTo("table public.users");
    }

    @Test
    void healthAndInfoCountTheAdoptedMigrations() {
        this.http.get().uri("/actuator/health/schema").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.status").isEqualTo("UP")
            .jsonPath("$.details.state").isEqualTo("CONVERGED")
            .jsonPath("$.details.drift").isEmpty();
        this.http.get().uri("/actuator/info").exchange()
            .expectStatus().isOk()
            .expectBody()
            .jsonPath("$.schema.appliedMigrations").isEqualTo(6)
            .jsonPath("$.schema.lastRun.statements.reconciled").isEqualTo(1);
    }
}
