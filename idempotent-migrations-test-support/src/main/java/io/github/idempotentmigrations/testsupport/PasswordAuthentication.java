package io.github.idempotentmigrations.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded server trusts every connection; a test of a wrong password needs a server
 * that checks one. The superuser the tests run as stays trusted, every other role must
 * give its password over TCP.
 */
final class PasswordAuthentication {

	private static final String HBA = """
			local all all trust
			host all postgres 127.0.0.1/32 trust
			host all postgres ::1/128 trust
			host all all 127.0.0.1/32 scram-sha-256
			host all all ::1/128 scram-sha-256
			""";

	private PasswordAuthentication() {
	}

	static void requireForRolesOtherThanSuperuser(PostgresServer server) {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(),
				server.password()); Statement statement = connection.createStatement()) {
			Path hba;
			try (ResultSet rs = statement.executeQuery("SHOW hba_file")) {
				rs.next();
				hba = Path.of(rs.getString(1));
			}
			Files.writeString(hba, HBA);
			statement.execute("SELECT pg_reload_conf()");
		}
		catch (SQLException | IOException ex) {
			throw new IllegalStateException("Could not require passwords on the embedded PostgreSQL server", ex);
		}
	}

}
