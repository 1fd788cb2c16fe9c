package io.github.idempotentmigrations.actuate;

import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own Jackson settings do not change the shape of
 * {@code /actuator/schema}.
 */
@TestPropertySource(properties = "spring.jackson.property-naming-strategy=SNAKE_CASE")
class ApplicationJsonSettingsActuatorTests extends ActuatorHttpTestSupport {

	private static final TestDatabase database = TestDatabase.create();

	@Autowired
	private JsonMapper applicationMapper;

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		database.addDataSourceProperties(registry::add);
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void theApplicationWritesSnakeCase() {
		assertThat(this.applicationMapper.writeValueAsString(new Named("2"))).isEqualTo("{\"current_version\":\"2\"}");
	}

	@Test
	void schemaEndpointKeepsItsOwnFieldNames() throws Exception {
		DocumentContext schema = get("/actuator/schema");

		assertThat(schema.read("$.status", Map.class)).containsKeys("currentVersion", "appliedMigrations")
			.doesNotContainKeys("current_version", "applied_migrations");
		assertThat(schema.read("$", Map.class)).containsKey("lastRun").doesNotContainKey("last_run");
		assertThat(schema.read("$.lastRun.schemaVersion", String.class)).isEqualTo("2");
	}

	record Named(String currentVersion) {
	}

}
