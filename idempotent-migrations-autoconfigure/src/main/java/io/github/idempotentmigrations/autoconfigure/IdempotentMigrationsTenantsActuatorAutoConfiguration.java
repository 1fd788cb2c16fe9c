package io.github.idempotentmigrations.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.idempotentmigrations.actuate.LiveSchemaCheck;
import io.github.idempotentmigrations.actuate.SchemaEndpoint;
import io.github.idempotentmigrations.actuate.SchemaHealthIndicator;
import io.github.idempotentmigrations.actuate.TenantHealth;
import io.github.idempotentmigrations.actuate.TenantMetrics;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.flywaydb.core.Flyway;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With tenant schemas, the {@code schema} health contributor and endpoint cover them too:
 * defined here, before {@link IdempotentMigrationsActuatorAutoConfiguration}, under the
 * same names, so its single-schema beans back off. Health: {@code schema/default} (Spring
 * Boot's own migration, as without tenants) and {@code schema/tenants/<name>}.
 */
@AutoConfiguration(after = IdempotentMigrationsTenantsAutoConfiguration.class,
		before = IdempotentMigrationsActuatorAutoConfiguration.class)
@ConditionalOnSingleCandidate(Flyway.class)
@ConditionalOnBean({ MigrationReportStore.class, TenantMigrationInitializer.class })
public final class IdempotentMigrationsTenantsActuatorAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthIndicator.class)
	static class TenantsHealthConfiguration {

		/** The bean name makes the contributor's name: {@code schema}. */
		@Bean
		@ConditionalOnEnabledHealthIndicator("schema")
		@ConditionalOnMissingBean(name = "schemaHealthIndicator")
		CompositeHealthContributor schemaHealthIndicator(LiveSchemaCheck check, TenantMigrationInitializer tenants,
				IdempotentMigrationsProperties properties) {
			Map<String, HealthContributor> children = new LinkedHashMap<>();
			children.put("default", new SchemaHealthIndicator(check, properties.getHealth().isDownOnDrift()));
			children.put("tenants", TenantHealth.of(tenants.migrated()));
			return CompositeHealthContributor.fromMap(children);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	static class TenantsEndpointConfiguration {

		@Bean
		@ConditionalOnAvailableEndpoint
		@ConditionalOnMissingBean
		SchemaEndpoint schemaEndpoint(LiveSchemaCheck check, MigrationReportStore reports,
				TenantMigrationInitializer tenants) {
			return new SchemaEndpoint(check, reports, tenants.migrated());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterBinder.class)
	static class TenantsMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		TenantMetrics idempotentMigrationsTenantMetrics(TenantMigrationInitializer tenants) {
			return new TenantMetrics(tenants.migrated());
		}

	}

}
