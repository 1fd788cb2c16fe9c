package io.github.idempotentmigrations.testsupport;

import org.testcontainers.postgresql.PostgreSQLContainer;

/** Kept in its own class so Testcontainers is only loaded when asked for. */
final class TestcontainersServer {

	private TestcontainersServer() {
	}

	// stopped by Testcontainers' own reaper when the JVM exits
	@SuppressWarnings("resource")
	static PostgresServer start(String majorVersion) {
		PostgreSQLContainer container = new PostgreSQLContainer("postgres:" + majorVersion);
		container.start();
		return new PostgresServer(container.getHost(), container.getFirstMappedPort(), container.getUsername(),
				container.getPassword());
	}

}
