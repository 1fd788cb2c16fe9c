package io.github.idempotentmigrations.flyway;

import org.flywaydb.core.api.callback.Callback;

/**
 * A Flyway callback of the starter's own (the engine's statement callback, the migration
 * lock timeout): not the application's code, so it never makes the starter run Flyway
 * where it otherwise would not.
 */
public interface StarterCallback extends Callback {

}
