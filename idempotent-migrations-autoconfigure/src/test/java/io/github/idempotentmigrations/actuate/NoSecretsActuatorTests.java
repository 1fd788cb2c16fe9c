package io.github.idempotentmigrations.actuate;

import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A password given both in the JDBC URL and as a property shows up in no endpoint and no
 * log line.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsActuatorTests extends ActuatorHttpTestSupport {

	private static final String SECRET = "Sup3r-Secret-Pa55";

	private static final TestDatabase database = TestDatabase.create();

	@DynamicPropertySource
	static void dataSource(DynamicPropertyRegistry registry) {
		// the test server trusts local connections, so the password is carried but not
		// needed
		registry.add("spring.datasource.url", () -> database.jdbcUrl() + "?password=" + SECRET);
		registry.add("spring.datasource.username", database::user);
		registry.add("spring.datasource.password", () -> SECRET);
		registry.add("logging.level.io.github.idempotentmigrations", () -> "DEBUG");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void passwordAppearsNowhere(CapturedOutput output) throws Exception {
		String endpoints = getText("/actuator/health") + getText("/actuator/health/schema") + getText("/actuator/info")
				+ getText("/actuator/schema");

		assertThat(endpoints).contains("\"schema\"").doesNotContain(SECRET);
		assertThat(output.getAll()).contains("Schema converged at version 2").doesNotContain(SECRET);
	}

}
