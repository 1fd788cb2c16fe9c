package io.github.idempotentmigrations.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.idempotentmigrations.flyway.IdempotentStatementCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;

/**
 * Adds the statement callback next to the application's own callbacks, and takes Flyway's lock at session level:
 * a transaction-level lock would make {@code CREATE INDEX CONCURRENTLY} wait for the migrating transaction itself.
 */
final class IdempotentFlywayCustomizer implements FlywayConfigurationCustomizer {

    private final IdempotentStatementCallback callback;

    IdempotentFlywayCustomizer(IdempotentStatementCallback callback) {
        this.callback = callback;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(this.callback);
        configuration.callbacks(callbacks.toArray(Callback[]::new));
        configuration.getPluginRegister()
            .getExact(PostgreSQLConfigurationExtension.class)
            .setTransactionalLock(false);
    }
}
