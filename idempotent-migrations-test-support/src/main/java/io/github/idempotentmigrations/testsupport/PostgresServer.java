package io.github.idempotentmigrations.testsupport;

/**
 * A running PostgreSQL server that tests may create databases on.
 *
 * @param host host name
 * @param port port
 * @param user a superuser
 * @param password the user's password (may be empty)
 */
public record PostgresServer(String host, int port, String user, String password) {

	String jdbcUrl(String database) {
		return "jdbc:postgresql://" + this.host + ":" + this.port + "/" + database;
	}
}
