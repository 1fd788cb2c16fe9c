package io.github.idempotentmigrations.autoconfigure;

import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.flyway.StartupSettings;
import io.github.idempotentmigrations.tenants.TenantFlyway;
import io.github.idempotentmigrations.tenants.TenantMigrations;
import io.github.idempotentmigrations.tenants.TenantParallelism;
import io.github.idempotentmigrations.tenants.TenantSchemas;
import org.flywaydb.core.Flyway;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Tenant schemas: the same migrations as Spring Boot's Flyway, in each tenant schema,
 * after Boot's own migration (ordered by {@link TenantMigrationInitializerDetector};
 * Boot's migration still migrates {@code spring.flyway.schemas};
 * {@code spring.flyway.enabled=false} turns both off, since tenants are migrated from
 * Boot's Flyway configuration).
 */
@AutoConfiguration(after = { FlywayAutoConfiguration.class, IdempotentMigrationsAutoConfiguration.class })
@ConditionalOnSingleCandidate(Flyway.class)
@ConditionalOnBean({ StartupSettings.class, EngineSettings.class })
@Conditional(TenantsConfiguredCondition.class)
public final class IdempotentMigrationsTenantsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	TenantMigrationInitializer idempotentMigrationsTenants(Flyway flyway, IdempotentMigrationsProperties properties,
			StartupSettings settings, EngineSettings engineSettings, ObjectProvider<TenantSchemas> schemas) {
		IdempotentMigrationsProperties.Tenants tenants = properties.getTenants();
		int parallelism = (tenants.getParallelism() != null) ? tenants.getParallelism() : TenantParallelism
			.of(Runtime.getRuntime().availableProcessors(), PoolMaximum.of(flyway.getConfiguration().getDataSource()));
		TenantMigrations migrations = new TenantMigrations(settings, engineSettings,
				new TenantFlyway(flyway.getConfiguration(), tenants.getLocations()), parallelism);
		return new TenantMigrationInitializer(tenants, schemas.getIfAvailable(),
				flyway.getConfiguration().getDataSource(), migrations);
	}

}
