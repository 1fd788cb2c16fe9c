package io.github.idempotentmigrations.test;

import javax.sql.DataSource;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.core.Ordered;

/**
 * Gives the Flyway that Boot builds in a convergence run the application's own
 * configuration, on the test database Boot connected to. Ordered first: the starter's
 * customizer must add its engine callback and defaults afterwards, exactly as in the
 * application.
 */
final class UserFlywayConfiguration implements FlywayConfigurationCustomizer, Ordered {

	private final Migrations migrations;

	private final Callback[] extra;

	UserFlywayConfiguration(Migrations migrations, Callback... extra) {
		this.migrations = migrations;
		this.extra = extra;
	}

	@Override
	public void customize(FluentConfiguration configuration) {
		DataSource testDatabase = configuration.getDataSource();
		configuration.configuration(this.migrations.source())
			.dataSource(testDatabase)
			.callbacks(this.migrations.userCallbacks(this.extra));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
