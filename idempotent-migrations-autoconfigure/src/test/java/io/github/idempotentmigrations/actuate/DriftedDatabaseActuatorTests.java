package io.github.idempotentmigrations.actuate;

import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema endpoints over HTTP after adopting a database whose objects were created
 * without Flyway history.
 */
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
	void endpointShowsTheAdoptionAndWhatItCreated() throws Exception {
		DocumentContext schema = get("/actuator/schema");

		assertThat(schema.read("$.lastRun.converged", Boolean.class)).isTrue();
		assertThat(schema.read("$.lastRun.repairs[0].kind", String.class)).isEqualTo("UNHISTORIED_SCHEMA");
		assertThat(schema.read("$.lastRun.repairs[0].action", String.class))
			.contains("created index public.chats_title_idx")
			.doesNotContain("created table public.chats");
		// Adoption runs no migration statement against the database.
		assertThat(schema.read("$.lastRun.migrations", List.class)).isEmpty();
		assertThat(schema.read("$.status.state", String.class)).isEqualTo("CONVERGED");
	}

	@Test
	void infoCountsTheAdoptedMigrationsAsApplied() throws Exception {
		DocumentContext info = get("/actuator/info");

		assertThat(info.read("$.schema.appliedMigrations", Integer.class)).isEqualTo(2);
		assertThat(info.read("$.schema.lastRun.statements.applied", Integer.class)).isZero();
	}

}
