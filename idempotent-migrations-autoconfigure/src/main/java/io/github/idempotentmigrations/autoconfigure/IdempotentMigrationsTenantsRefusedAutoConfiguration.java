package io.github.idempotentmigrations.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Tenants configured while the starter is switched off
 * ({@code idempotent-migrations.enabled=false}) and Flyway is not: Spring Boot's Flyway
 * migrates {@code spring.flyway.schemas} only, so the tenant schemas would silently stay
 * as they are. Startup stops and says so.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "idempotent-migrations.enabled", havingValue = false)
@ConditionalOnBooleanProperty(name = "spring.flyway.enabled", matchIfMissing = true)
@Conditional(TenantsConfiguredCondition.class)
public final class IdempotentMigrationsTenantsRefusedAutoConfiguration {

	@Bean
	Object idempotentMigrationsTenantsRefused() {
		throw new IllegalStateException("Tenant schemas are configured (idempotent-migrations.tenants.*), but"
				+ " idempotent-migrations.enabled=false: nothing would migrate them, as Spring Boot's Flyway migrates"
				+ " spring.flyway.schemas only. Enable the starter, or remove the tenant settings (with"
				+ " spring.flyway.enabled=false, no schema migrates and this check stands aside)");
	}

}
