package io.github.idempotentmigrations.sample.database;

import org.jspecify.annotations.Nullable;

import org.springframework.core.env.PropertySource;

/**
 * Answers {@code spring.datasource.url} with the embedded server's URL, starting the
 * server when the URL is first asked for. Placed after every other property source, so a
 * URL set anywhere else (command line, environment, a test's dynamic properties) wins and
 * the embedded server never starts.
 */
final class EmbeddedDatabaseUrlPropertySource extends PropertySource<EmbeddedSampleDatabase> {

	static final String NAME = "sampleEmbeddedPostgres";

	private static final String URL_PROPERTY = "spring.datasource.url";

	EmbeddedDatabaseUrlPropertySource(EmbeddedSampleDatabase database) {
		super(NAME, database);
	}

	@Override
	public @Nullable Object getProperty(String name) {
		return URL_PROPERTY.equals(name) ? getSource().jdbcUrl() : null;
	}

}
