package io.github.idempotentmigrations.flyway;

import io.github.idempotentmigrations.engine.report.StartupMode;

/**
 * How startup treats the database, from the {@code idempotent-migrations.*} properties.
 *
 * @param mode migrate, or validate only
 * @param repair what startup does about each kind of thing inspection finds
 * ({@code repair.*})
 * @param connect how long startup waits for the database and for locks
 * ({@code connect.*})
 * @param shadow where adoption builds the expected schema
 * @param personsWord what a person states about this database that no catalog shows
 */
public record StartupSettings(StartupMode mode, RepairSettings repair, ConnectSettings connect, ShadowSettings shadow,
		PersonsWord personsWord) {
}
