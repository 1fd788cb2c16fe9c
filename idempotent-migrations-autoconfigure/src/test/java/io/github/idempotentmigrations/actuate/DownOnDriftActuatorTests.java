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
 * With {@code idempotent-migrations.health.down-on-drift=true} the user asks drift to be
 * DOWN: 503, root included.
 */
class DownOnDriftActuatorTests extends ActuatorHttpTestSupport {

	private static final TestDatabase database = TestDatabase.create();

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database.addDataSourceProperties(registry::add);
		registry.add("idempotent-migrations.health.cache-time", () -> "100ms");
		registry.add("idempotent-migrations.health.down-on-drift", () -> "true");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void aDroppedIndexIsDown() throws Exception {
		assertThat(awaitHealth((h) -> "UP".equals(h.read("$.status"))).read("$.details.drift", List.class)).isEmpty();

		database.execute("DROP INDEX chats_title_idx");
		DocumentContext down = awaitHealth((h) -> "DOWN".equals(h.read("$.status")));

		assertThat(down.read("$.details.state", String.class)).isEqualTo("DRIFTED");
		assertThat(down.read("$.details.drift", List.class)).containsExactly("index public.chats_title_idx is missing");
		assertThat(status("/actuator/health/schema")).isEqualTo(503);
		assertThat(status("/actuator/health")).isEqualTo(503);
	}

}
