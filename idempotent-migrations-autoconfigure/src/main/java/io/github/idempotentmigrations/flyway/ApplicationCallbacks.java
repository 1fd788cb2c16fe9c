package io.github.idempotentmigrations.flyway;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import io.github.idempotentmigrations.shadow.CallbackScripts;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * The application's Flyway callbacks: Java ones (beans, configured classes) and scripts
 * in the locations ({@code afterMigrate.sql}), not the starter's own.
 */
public final class ApplicationCallbacks {

	/**
	 * What Flyway fires on a migrate with nothing pending, as plain Flyway runs it at
	 * every start (Flyway 11 to 13: its validation, the schema's creation events even for
	 * an existing schema, and after the versioned migrations), and on its failure.
	 */
	public static final Set<Event> ON_MIGRATE_WITH_NOTHING_PENDING = EnumSet.of(Event.BEFORE_VALIDATE,
			Event.AFTER_VALIDATE, Event.AFTER_VALIDATE_ERROR, Event.BEFORE_CREATE_SCHEMA, Event.CREATE_SCHEMA,
			Event.BEFORE_MIGRATE, Event.AFTER_VERSIONED, Event.AFTER_MIGRATE, Event.AFTER_MIGRATE_ERROR,
			Event.AFTER_MIGRATE_OPERATION_FINISH);

	private ApplicationCallbacks() {
	}

	/** Whether one of the application's callbacks handles one of {@code events}. */
	public static boolean anyFor(Configuration configuration, Set<Event> events) {
		return CallbackScripts.anyFor(configuration, events) || Arrays.stream(configuration.getCallbacks())
			.filter((callback) -> !(callback instanceof StarterCallback))
			.anyMatch((callback) -> events.stream().anyMatch((event) -> supports(callback, event)));
	}

	private static boolean supports(Callback callback, Event event) {
		try {
			return callback.supports(event, null);
		}
		catch (RuntimeException ex) {
			// it needs Flyway's context to say: as if it did
			return true;
		}
	}

}
