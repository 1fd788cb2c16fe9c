package io.github.idempotentmigrations.autoconfigure;

import io.github.idempotentmigrations.actuate.LiveSchemaCheck;
import io.github.idempotentmigrations.actuate.SchemaEndpoint;
import io.github.idempotentmigrations.actuate.SchemaHealthIndicator;
import io.github.idempotentmigrations.actuate.SchemaInfoContributor;
import io.github.idempotentmigrations.actuate.SchemaMetrics;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresDatabaseExtension.class)
class IdempotentMigrationsActuatorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
				IdempotentMigrationsAutoConfiguration.class, IdempotentMigrationsActuatorAutoConfiguration.class))
		.withPropertyValues("spring.flyway.locations=classpath:db/actuator-test");

	private ApplicationContextRunner on(TestDatabase database) {
		return this.runner.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password());
	}

	@Test
	void contributesHealthInfoAndMetricsByDefaultButNoUnexposedEndpoint(TestDatabase database) {
		on(database).run((context) -> assertThat(context).hasSingleBean(LiveSchemaCheck.class)
			.hasBean("schemaHealthIndicator")
			.hasSingleBean(SchemaHealthIndicator.class)
			.hasSingleBean(SchemaInfoContributor.class)
			.hasSingleBean(SchemaMetrics.class)
			.doesNotHaveBean(SchemaEndpoint.class));
	}

	@Test
	void providesTheEndpointWhenExposed(TestDatabase database) {
		on(database).withPropertyValues("management.endpoints.web.exposure.include=schema")
			.run((context) -> assertThat(context).hasSingleBean(SchemaEndpoint.class));
	}

	@Test
	void leavesOutTheHealthIndicatorWhenDisabled(TestDatabase database) {
		on(database).withPropertyValues("management.health.schema.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SchemaHealthIndicator.class)
				.hasSingleBean(SchemaInfoContributor.class));
	}

	@Test
	void startsWithoutActuatorHealthOrMicrometer(TestDatabase database) {
		on(database).withPropertyValues("management.endpoints.web.exposure.include=*")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate",
					"org.springframework.boot.health", "io.micrometer"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(LiveSchemaCheck.class)
				.doesNotHaveBean(SchemaHealthIndicator.class)
				.doesNotHaveBean(SchemaInfoContributor.class)
				.doesNotHaveBean(SchemaEndpoint.class)
				.doesNotHaveBean(SchemaMetrics.class));
	}

	@Test
	void backsOffWhenIdempotentMigrationsAreDisabled(TestDatabase database) {
		on(database).withPropertyValues("idempotent-migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LiveSchemaCheck.class));
	}

	@Test
	void stepsAsideForTwoFlywayBeansWithoutAPrimaryOne(TestDatabase database) {
		on(database).withBean("ordersFlyway", Flyway.class, () -> flyway(database))
			.withBean("auditFlyway", Flyway.class, () -> flyway(database))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(LiveSchemaCheck.class)
				.doesNotHaveBean(SchemaHealthIndicator.class));
	}

	@Test
	void watchesThePrimaryOfTwoFlywayBeans(TestDatabase database) {
		Flyway primary = flyway(database);
		on(database).withBean("ordersFlyway", Flyway.class, () -> primary, (definition) -> definition.setPrimary(true))
			.withBean("auditFlyway", Flyway.class, () -> flyway(database))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(LiveSchemaCheck.class));
	}

	private static Flyway flyway(TestDatabase database) {
		return Flyway.configure().dataSource(database.dataSource()).load();
	}

}
