package io.github.idempotentmigrations.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.idempotentmigrations.flyway.IdempotentStatementCallback;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * The application's Flyway configuration (locations, schemas, placeholders, Java
 * migrations, its own callbacks...), pointed at a test database instead of the one it was
 * built for.
 */
final class Migrations {

	private final Configuration source;

	Migrations(Configuration source) {
		this.source = source;
	}

	HistoryTable historyTable() {
		return HistoryTable.of(this.source);
	}

	/**
	 * Plain Flyway, without the starter, on {@code database}; {@code extra} callbacks run
	 * after the user's. Flyway's lock is taken at session level, as the starter takes it:
	 * Flyway's default transaction-level lock makes {@code CREATE INDEX CONCURRENTLY}
	 * wait forever for the locking transaction.
	 */
	FluentConfiguration plainOn(TestDatabase database, Callback... extra) {
		FluentConfiguration configuration = Flyway.configure(this.source.getClassLoader())
			.configuration(this.source)
			.dataSource(database.dataSource())
			.callbacks(userCallbacks(extra));
		configuration.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
		return configuration;
	}

	/** The migrations plain Flyway applied on {@code database}, in order. */
	List<MigrationInfo> applied(TestDatabase database) {
		return List.of(plainOn(database).load().info().applied());
	}

	/**
	 * The user's callbacks and then {@code extra}. A configuration taken from an
	 * application that runs the starter carries that application's engine callback: it is
	 * left out, so that a plain run is plain and a starter run has exactly one engine.
	 */
	Callback[] userCallbacks(Callback... extra) {
		List<Callback> callbacks = new ArrayList<>(Arrays.stream(this.source.getCallbacks())
			.filter((callback) -> !(callback instanceof IdempotentStatementCallback))
			.toList());
		callbacks.addAll(List.of(extra));
		return callbacks.toArray(Callback[]::new);
	}

	Configuration source() {
		return this.source;
	}

}
