package io.github.idempotentmigrations.autoconfigure;

import java.time.Clock;

import io.github.idempotentmigrations.actuate.LiveSchemaCheck;
import io.github.idempotentmigrations.actuate.SchemaEndpoint;
import io.github.idempotentmigrations.actuate.SchemaHealthIndicator;
import io.github.idempotentmigrations.actuate.SchemaInfoContributor;
import io.github.idempotentmigrations.actuate.SchemaMetrics;
import io.github.idempotentmigrations.actuate.SchemaRuntimeHints;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.flywaydb.core.Flyway;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * Health, info, endpoint and metrics for the schema, each in a nested configuration
 * guarded by its own classes, so an application without Actuator, the health module or
 * Micrometer starts exactly the same. Conditions whose own classes live in those modules
 * sit on the bean methods: Spring loads a class's conditions before evaluating any.
 */
@AutoConfiguration(after = { IdempotentMigrationsAutoConfiguration.class, FlywayAutoConfiguration.class })
@ConditionalOnSingleCandidate(Flyway.class)
@ImportRuntimeHints(SchemaRuntimeHints.class)
@ConditionalOnBean(MigrationReportStore.class)
public final class IdempotentMigrationsActuatorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LiveSchemaCheck idempotentMigrationsLiveSchemaCheck(Flyway flyway, MigrationReportStore reports,
			IdempotentMigrationsProperties properties) {
		return new LiveSchemaCheck(flyway, reports, properties.getHealth().getCacheTime(), Clock.systemUTC());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class SchemaHealthConfiguration {

		/** The bean name makes the contributor's name: {@code schema}. */
		@Bean
		@ConditionalOnEnabledHealthIndicator("schema")
		@ConditionalOnMissingBean(name = "schemaHealthIndicator")
		SchemaHealthIndicator schemaHealthIndicator(LiveSchemaCheck check, IdempotentMigrationsProperties properties) {
			return new SchemaHealthIndicator(check, properties.getHealth().isDownOnDrift());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ InfoContributor.class, ConditionalOnEnabledInfoContributor.class })
	static class SchemaInfoConfiguration {

		@Bean
		@ConditionalOnEnabledInfoContributor("schema")
		@ConditionalOnMissingBean
		SchemaInfoContributor schemaInfoContributor(LiveSchemaCheck check, MigrationReportStore reports) {
			return new SchemaInfoContributor(check, reports);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	static class SchemaEndpointConfiguration {

		@Bean
		@ConditionalOnAvailableEndpoint
		@ConditionalOnMissingBean
		SchemaEndpoint schemaEndpoint(LiveSchemaCheck check, MigrationReportStore reports) {
			return new SchemaEndpoint(check, reports);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class SchemaMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SchemaMetrics idempotentMigrationsSchemaMetrics(LiveSchemaCheck check, MigrationReportStore reports) {
			return new SchemaMetrics(check, reports);
		}

	}

}
