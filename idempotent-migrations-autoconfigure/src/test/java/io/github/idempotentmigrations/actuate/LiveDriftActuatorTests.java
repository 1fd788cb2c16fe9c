package io.github.idempotentmigrations.actuate;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift after startup, a column or an index dropped by hand, is DRIFTED naming it: the
 * schema contributor answers 200 and the root health stays UP (a retention job or a
 * hot-fix must not take every replica out at once), while a readiness group whose status
 * order knows DRIFTED (the README's recipe) answers 503. Putting either back turns it UP
 * again.
 */
class LiveDriftActuatorTests extends ActuatorHttpTestSupport {

	private static final TestDatabase database = TestDatabase.create();

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database.addDataSourceProperties(registry::add);
		registry.add("idempotent-migrations.health.cache-time", () -> "100ms");
		// the README's readiness recipe, with index drift taking the instance out of
		// readiness
		registry.add("management.endpoint.health.probes.enabled", () -> "true");
		registry.add("management.endpoint.health.group.readiness.include", () -> "readinessState,schema");
		registry.add("management.endpoint.health.group.readiness.status.order",
				() -> "down,drifted,out-of-service,up,unknown");
		// a group's own HTTP mapping replaces Boot's defaults, so it names DOWN and
		// OUT_OF_SERVICE too
		registry.add("management.endpoint.health.group.readiness.status.http-mapping.down", () -> "503");
		registry.add("management.endpoint.health.group.readiness.status.http-mapping.out-of-service", () -> "503");
		registry.add("management.endpoint.health.group.readiness.status.http-mapping.drifted", () -> "503");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void healthFollowsAColumnDroppedAndRestoredByHand() throws Exception {
		assertThat(awaitHealth((h) -> "UP".equals(h.read("$.status"))).read("$.details.drift", List.class)).isEmpty();

		database.execute("ALTER TABLE chats DROP COLUMN last_message_at");
		DocumentContext drifted = awaitHealth((h) -> "DRIFTED".equals(h.read("$.status")));
		assertThat(status("/actuator/health/readiness")).isEqualTo(503);

		assertThat(drifted.read("$.details.state", String.class)).isEqualTo("DRIFTED");
		assertThat(drifted.read("$.details.drift", List.class))
			.containsExactly("column public.chats.last_message_at is missing");
		assertThat(status("/actuator/health/schema")).isEqualTo(200);
		assertThat(get("/actuator/health").read("$.status", String.class)).isEqualTo("UP");
		assertThat(status("/actuator/health")).isEqualTo(200);
		assertThat(get("/actuator/schema").read("$.status.drift[0]", Map.class)).containsEntry("type", "COLUMN")
			.containsEntry("object", "public.chats.last_message_at")
			.containsEntry("problem", "MISSING")
			.containsEntry("expected", "last_message_at timestamp with time zone");

		database.execute("ALTER TABLE chats ADD COLUMN last_message_at timestamptz");
		DocumentContext up = awaitHealth((h) -> "UP".equals(h.read("$.status")));

		assertThat(up.read("$.details.state", String.class)).isEqualTo("CONVERGED");
		assertThat(up.read("$.details.drift", List.class)).isEmpty();
	}

	@Test
	void aDroppedIndexIsDriftedWithoutTakingTheRootHealthDown() throws Exception {
		assertThat(awaitHealth((h) -> "UP".equals(h.read("$.status"))).read("$.details.drift", List.class)).isEmpty();

		database.execute("DROP INDEX chats_title_idx");
		DocumentContext drifted = awaitHealth((h) -> "DRIFTED".equals(h.read("$.status")));

		assertThat(drifted.read("$.details.state", String.class)).isEqualTo("DRIFTED");
		assertThat(drifted.read("$.details.drift", List.class))
			.containsExactly("index public.chats_title_idx is missing");
		assertThat(status("/actuator/health/schema")).isEqualTo(200);
		assertThat(get("/actuator/health").read("$.status", String.class)).isEqualTo("UP");
		assertThat(status("/actuator/health")).isEqualTo(200);
		assertThat(get("/actuator/health/readiness").read("$.status", String.class)).isEqualTo("DRIFTED");
		assertThat(status("/actuator/health/readiness")).isEqualTo(503);

		database.execute("CREATE INDEX chats_title_idx ON chats (title)");
		assertThat(awaitHealth((h) -> "UP".equals(h.read("$.status"))).read("$.details.state", String.class))
			.isEqualTo("CONVERGED");
	}

}
