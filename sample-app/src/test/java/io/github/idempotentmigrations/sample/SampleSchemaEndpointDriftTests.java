package io.github.idempotentmigrations.sample;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample started with the drift switch: Actuator shows how the starter adopted the
 * hand-made schema.
 */
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
	void endpointShowsTheAdoptionAndWhatItCreated() {
		this.http.get()
			.uri("/actuator/schema")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status.state")
			.isEqualTo("CONVERGED")
			.jsonPath("$.status.currentVersion")
			.isEqualTo("6")
			.jsonPath("$.status.appliedMigrations")
			.isEqualTo(6)
			.jsonPath("$.lastRun.mode")
			.isEqualTo("MIGRATE")
			.jsonPath("$.lastRun.converged")
			.isEqualTo(true)
			.jsonPath("$.lastRun.repairs[0].kind")
			.isEqualTo("UNHISTORIED_SCHEMA")
			.jsonPath("$.lastRun.repairs[0].action")
			.value(String.class,
					(action) -> assertThat(action).contains("created column public.users.created_at",
							"created table public.messages", "the migrations put into public.tags"))
			// Adoption runs no migration statement against the database.
			.jsonPath("$.lastRun.statements.applied")
			.isEqualTo(0)
			.jsonPath("$.lastRun.statements.conflict")
			.isEqualTo(0);
	}

	@Test
	void healthAndInfoCountTheAdoptedMigrations() {
		this.http.get()
			.uri("/actuator/health/schema")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.details.state")
			.isEqualTo("CONVERGED")
			.jsonPath("$.details.drift")
			.isEmpty();
		this.http.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.schema.appliedMigrations")
			.isEqualTo(6);
	}

}
