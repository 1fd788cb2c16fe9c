package io.github.idempotentmigrations.sample.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.env.Environment;

/**
 * The sample's own PostgreSQL server, started on first use. Its data directory is kept
 * between runs, so a restart meets the database the previous run left behind, as a
 * deployed application would.
 */
final class EmbeddedSampleDatabase {

	static final String DATA_DIRECTORY_PROPERTY = "sample.embedded-postgres.data-directory";

	private static final String DEFAULT_DATA_DIRECTORY = "sample-app-data";

	private static final Log logger = LogFactory.getLog(EmbeddedSampleDatabase.class);

	private final Environment environment;

	private @Nullable EmbeddedPostgres postgres;

	EmbeddedSampleDatabase(Environment environment) {
		this.environment = environment;
	}

	/**
	 * The JDBC URL of the running server (user in the URL, no password: the server trusts
	 * local connections).
	 */
	synchronized String jdbcUrl() {
		if (this.postgres == null) {
			this.postgres = start();
		}
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	synchronized void stop() {
		if (this.postgres == null) {
			return;
		}
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop the embedded PostgreSQL server", ex);
		}
		finally {
			this.postgres = null;
		}
	}

	private EmbeddedPostgres start() {
		Path dataDirectory = Path.of(this.environment.getProperty(DATA_DIRECTORY_PROPERTY, DEFAULT_DATA_DIRECTORY))
			.toAbsolutePath()
			.normalize();
		try {
			EmbeddedPostgres started = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory)
				.setCleanDataDirectory(false)
				.start();
			logger.info("Embedded PostgreSQL: data in " + dataDirectory + ", "
					+ started.getJdbcUrl("postgres", "postgres"));
			return started;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server in " + dataDirectory, ex);
		}
	}

}
