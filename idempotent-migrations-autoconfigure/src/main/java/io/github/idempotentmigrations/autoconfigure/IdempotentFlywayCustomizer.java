package io.github.idempotentmigrations.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.idempotentmigrations.flyway.IdempotentStatementCallback;
import io.github.idempotentmigrations.flyway.MigrationDatabase;
import io.github.idempotentmigrations.flyway.MissingMigrationPolicy;
import io.github.idempotentmigrations.flyway.StartupSettings;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.pattern.ValidatePattern;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * On PostgreSQL only (any other database keeps Flyway exactly as Boot configures it, said
 * once at INFO level): adds the statement callback next to the application's own
 * callbacks, and takes Flyway's lock at session level: a transaction-level lock would
 * make {@code CREATE INDEX CONCURRENTLY} wait for the migrating transaction itself. Also
 * bounds lock waits of migration statements for the run alone (see
 * {@link MigrationLockTimeout}) and, unless missing migrations must fail, lets Flyway
 * migrate with them (startup reports them as warnings).
 */
final class IdempotentFlywayCustomizer implements FlywayConfigurationCustomizer {

	private static final Log logger = LogFactory.getLog(IdempotentFlywayCustomizer.class);

	private static final ValidatePattern IGNORE_MISSING = ValidatePattern.fromPattern("*:missing");

	private final IdempotentStatementCallback callback;

	private final StartupSettings settings;

	IdempotentFlywayCustomizer(IdempotentStatementCallback callback, StartupSettings settings) {
		this.callback = callback;
		this.settings = settings;
	}

	@Override
	public void customize(FluentConfiguration configuration) {
		String database = MigrationDatabase.productName(configuration.getDataSource());
		if (!MigrationDatabase.POSTGRESQL.equals(database)) {
			logger.info("Flyway migrates a " + database + " database, not PostgreSQL: idempotent migrations step aside"
					+ " and Flyway runs as Spring Boot configures it");
			return;
		}
		List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
		callbacks.add(new MigrationLockTimeout(this.settings.connect().lockTimeoutSql()));
		callbacks.add(this.callback);
		configuration.callbacks(callbacks.toArray(Callback[]::new));
		configuration.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
		if (this.settings.repair().missingMigrations() != MissingMigrationPolicy.FAIL) {
			List<ValidatePattern> patterns = new ArrayList<>(Arrays.asList(configuration.getIgnoreMigrationPatterns()));
			if (!patterns.contains(IGNORE_MISSING)) {
				patterns.add(IGNORE_MISSING);
			}
			configuration.ignoreMigrationPatterns(patterns.toArray(ValidatePattern[]::new));
		}
	}

}
