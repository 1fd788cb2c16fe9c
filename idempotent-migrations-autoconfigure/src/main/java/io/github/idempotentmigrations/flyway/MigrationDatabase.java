package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/**
 * Which database Flyway migrates: the starter works on PostgreSQL only and steps aside
 * for any other.
 */
public final class MigrationDatabase {

	/** The product name PostgreSQL's driver reports. */
	public static final String POSTGRESQL = "PostgreSQL";

	private MigrationDatabase() {
	}

	/**
	 * The database's product name as its driver reports it; {@code PostgreSQL} when it
	 * cannot be reached yet, so that startup waits for it as configured and fails with
	 * the driver's own reason.
	 */
	public static String productName(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName();
		}
		catch (SQLException ex) {
			return POSTGRESQL;
		}
	}

	public static boolean isPostgreSql(Connection connection) throws SQLException {
		return POSTGRESQL.equals(connection.getMetaData().getDatabaseProductName());
	}

}
