package io.github.idempotentmigrations.autoconfigure;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.github.idempotentmigrations.actuate.SchemaHealthIndicator;
import io.github.idempotentmigrations.actuate.SchemaInfoContributor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a database other than PostgreSQL (H2 here) the starter steps aside: Flyway is
 * configured and migrates exactly as Boot does without the starter, one INFO line says
 * so, and the schema health is UNKNOWN rather than DOWN.
 */
@ExtendWith(OutputCaptureExtension.class)
class OtherDatabaseTests {

	private static final String STEPPING_ASIDE = "not PostgreSQL: idempotent migrations step aside";

	@Test
	void flywayIsConfiguredAndMigratesExactlyAsBootDoesWithoutTheStarter(CapturedOutput output) {
		AtomicReference<Configuration> plain = new AtomicReference<>();
		boot().run((context) -> plain.set(context.getBean(Flyway.class).getConfiguration()));

		withStarter().run((context) -> {
			assertThat(context).hasNotFailed();
			Configuration configuration = context.getBean(Flyway.class).getConfiguration();
			assertThat(configuration.getCallbacks()).hasSameSizeAs(plain.get().getCallbacks()).isEmpty();
			assertThat(configuration.getIgnoreMigrationPatterns())
				.containsExactly(plain.get().getIgnoreMigrationPatterns());
			assertThat(configuration.getInitSql()).isEqualTo(plain.get().getInitSql());
			assertThat(transactionalLock(configuration)).isEqualTo(transactionalLock(plain.get()));
			assertThat(JdbcClient.create(context.getBean(DataSource.class))
				.sql("SELECT body FROM notes")
				.query(String.class)
				.list()).containsExactly("first");
		});
		assertThat(output.toString().lines().filter((line) -> line.contains(STEPPING_ASIDE))).singleElement()
			.asString()
			.contains("INFO", "H2");
	}

	@Test
	void schemaHealthIsUnknownRatherThanDown() {
		withStarter()
			.run((context) -> assertThat(context.getBean(SchemaHealthIndicator.class).health(false).getStatus())
				.isEqualTo(Status.UNKNOWN));
	}

	@Test
	@SuppressWarnings("unchecked")
	void infoReportsTheMigrationsFlywayApplied() {
		withStarter().run((context) -> {
			Info.Builder info = new Info.Builder();
			context.getBean(SchemaInfoContributor.class).contribute(info);
			assertThat((Map<String, Object>) info.build().get("schema")).containsEntry("currentVersion", "1")
				.containsEntry("appliedMigrations", 1)
				.containsEntry("pendingMigrations", 0);
		});
	}

	private static ApplicationContextRunner boot() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"spring.flyway.locations=classpath:db/other-database");
	}

	private static ApplicationContextRunner withStarter() {
		return boot().withConfiguration(AutoConfigurations.of(IdempotentMigrationsAutoConfiguration.class,
				IdempotentMigrationsActuatorAutoConfiguration.class));
	}

	private static boolean transactionalLock(Configuration configuration) {
		return configuration.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).isTransactionalLock();
	}

}
