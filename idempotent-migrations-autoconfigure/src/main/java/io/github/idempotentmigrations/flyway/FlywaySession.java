package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.configuration.Configuration;

/**
 * Sets a session of the starter's up as Flyway sets up its own: Flyway's init SQL (a
 * {@code SET search_path}, a role) decides which schema is current, so where the history,
 * the journal and the expected schema are.
 */
public final class FlywaySession {

	private FlywaySession() {
	}

	/** Runs Flyway's init SQL, if any, on {@code session}; returns it. */
	public static Connection prepare(Connection session, Configuration configuration) throws SQLException {
		String initSql = configuration.getInitSql();
		if (initSql != null && !initSql.isBlank()) {
			try (Statement statement = session.createStatement()) {
				statement.execute(initSql);
			}
		}
		return session;
	}

}
