package io.github.idempotentmigrations.actuate;

import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart that runs no migration ensures nothing itself, yet the live check still
 * watches what the applied migrations built: a column dropped by hand turns health
 * DRIFTED naming it.
 */
class RestartLiveDriftActuatorTests extends ActuatorHttpTestSupport {

	private static final TestDatabase database = TestDatabase.create();

	static {
		Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/actuator-test").load().migrate();
	}

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database.addDataSourceProperties(registry::add);
		registry.add("idempotent-migrations.health.cache-time", () -> "100ms");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void healthFollowsAColumnDroppedByHandAfterARestartThatRanNothing() throws Exception {
		assertThat(get("/actuator/schema").read("$.lastRun.migrations", List.class)).isEmpty();
		assertThat(awaitHealth((h) -> "UP".equals(h.read("$.status"))).read("$.details.drift", List.class)).isEmpty();

		database.execute("ALTER TABLE chats DROP COLUMN title");
		DocumentContext drifted = awaitHealth((h) -> "DRIFTED".equals(h.read("$.status")));

		// the index on that column went with it
		assertThat(drifted.read("$.details.drift", List.class)).containsExactlyInAnyOrder(
				"column public.chats.title is missing", "index public.chats_title_idx is missing");
	}

}
