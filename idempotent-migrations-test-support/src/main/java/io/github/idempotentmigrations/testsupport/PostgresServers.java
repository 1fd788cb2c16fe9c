package io.github.idempotentmigrations.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Chooses the one PostgreSQL server a test JVM uses, started lazily and shared by all tests.
 * <ul>
 * <li>{@code IDEMPOTENT_MIGRATIONS_TEST_JDBC_URL} (plus {@code _USER}, {@code _PASSWORD}) set: that existing server;</li>
 * <li>system property {@code postgres.provider=testcontainers}: a Testcontainers server (needs Docker);</li>
 * <li>otherwise: an embedded server whose binaries come from Maven Central (major set by {@code -Dpostgres.version}).</li>
 * </ul>
 */
public final class PostgresServers {

    static final String URL_VARIABLE = "IDEMPOTENT_MIGRATIONS_TEST_JDBC_URL";

    private static PostgresServer shared;

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
        return new PostgresServer(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), user, password);
    }

    private static PostgresServer embedded() {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres)));
            PostgresServer server = new PostgresServer("localhost", postgres.getPort(), "postgres", "");
            PasswordAuthentication.requireForRolesOtherThanSuperuser(server);
            return server;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        }
        catch (IOException ex) {
            // the JVM is exiting; the server's temporary directory is removed by zonky anyway
        }
    }
}
