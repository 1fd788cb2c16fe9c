package io.github.idempotentmigrations.autoconfigure;

import io.github.idempotentmigrations.flyway.IdempotentStatementCallback;
import io.github.idempotentmigrations.flyway.StartupSettings;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Benchmark-only: configures a Flyway exactly as the starter's
 * {@code FlywayConfigurationCustomizer} configures Boot's (the per-migration
 * {@code lock_timeout}, the statement callback, Flyway's lock at session level), without
 * a Spring context. Lives in this package because the customizer is package-private.
 */
public final class StarterFlywayCustomizer {

	private StarterFlywayCustomizer() {
	}

	public static FluentConfiguration customize(FluentConfiguration configuration, IdempotentStatementCallback callback,
			StartupSettings settings) {
		new IdempotentFlywayCustomizer(callback, settings).customize(configuration);
		return configuration;
	}

}
