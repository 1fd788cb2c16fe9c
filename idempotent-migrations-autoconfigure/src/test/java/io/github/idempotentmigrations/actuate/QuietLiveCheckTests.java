package io.github.idempotentmigrations.actuate;

import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsActuatorAutoConfiguration;
import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsAutoConfiguration;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health probes and scrapes check the schema all day: as with plain Boot, a check writes
 * nothing to the log.
 */
@ExtendWith({ PostgresDatabaseExtension.class, OutputCaptureExtension.class })
class QuietLiveCheckTests {

	@Test
	void liveChecksLogNothing(TestDatabase database, CapturedOutput output) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					IdempotentMigrationsAutoConfiguration.class, IdempotentMigrationsActuatorAutoConfiguration.class))
			.withPropertyValues("spring.flyway.locations=classpath:db/actuator-test",
					"spring.datasource.url=" + database.jdbcUrl(), "spring.datasource.username=" + database.user(),
					"spring.datasource.password=" + database.password(), "idempotent-migrations.health.cache-time=0s")
			.run((context) -> {
				LiveSchemaCheck check = context.getBean(LiveSchemaCheck.class);
				int startupLog = output.getAll().length();
				for (int i = 0; i < 3; i++) {
					assertThat(check.status().state()).isEqualTo(SchemaStatus.State.CONVERGED);
				}
				assertThat(output.getAll().substring(startupLog)).isEmpty();
				// Flyway's logging is left as configured: the application's own use of
				// Flyway still logs (a Flyway of its own: some Flyway versions log the
				// database line once per instance only).
				Flyway.configure().configuration(context.getBean(Flyway.class).getConfiguration()).load().info();
				assertThat(output.getAll().substring(startupLog)).contains("Database: jdbc:postgresql:");
			});
	}

}
