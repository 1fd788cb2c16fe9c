package io.github.idempotentmigrations.flyway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.engine.sql.SqlScriptSplitter;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Reads SQL migration scripts from Flyway's configured {@code classpath:} and
 * {@code filesystem:} locations and splits them into statements: for the INVALID indexes
 * a migration about to run rebuilds, and for what a failed migration committed (the
 * journal keeps each statement's hash as the script writes it). Java migrations have no
 * script and contribute no statements.
 */
final class PendingScripts {

	private static final String CLASSPATH_PREFIX = "classpath:";

	private static final String FILESYSTEM_PREFIX = "filesystem:";

	private final Configuration configuration;

	PendingScripts(Configuration configuration) {
		this.configuration = configuration;
	}

	/** Every statement of the migrations, in order, placeholders as written. */
	List<String> statementsOf(List<MigrationInfo> migrations) {
		List<String> statements = new ArrayList<>();
		migrations.forEach((migration) -> statements.addAll(statementsOf(migration)));
		return statements;
	}

	/**
	 * The statements of one migration, placeholders as written; none for a Java
	 * migration.
	 */
	List<String> statementsOf(MigrationInfo migration) {
		return script(migration).map(SqlScriptSplitter::split).orElse(List.of());
	}

	Optional<String> script(MigrationInfo migration) {
		if (migration.getScript() == null || !migration.getScript().endsWith(".sql")) {
			return Optional.empty();
		}
		for (Location location : this.configuration.getLocations()) {
			Optional<String> text = read(location, migration.getScript());
			if (text.isPresent()) {
				return text;
			}
		}
		return Optional.empty();
	}

	private Optional<String> read(Location location, String script) {
		String relative = location.getRootPath().isEmpty() ? script : location.getRootPath() + "/" + script;
		try {
			// by prefix: Location.isClassPath(), isFileSystem() and FILESYSTEM_PREFIX are
			// deprecated
			if (CLASSPATH_PREFIX.equals(location.getPrefix())) {
				URL resource = this.configuration.getClassLoader().getResource(relative);
				if (resource == null) {
					return Optional.empty();
				}
				try (InputStream in = resource.openStream()) {
					return Optional.of(new String(in.readAllBytes(), this.configuration.getEncoding()));
				}
			}
			if (FILESYSTEM_PREFIX.equals(location.getPrefix())) {
				Path path = Path.of(relative);
				return Files.isRegularFile(path) ? Optional.of(Files.readString(path, this.configuration.getEncoding()))
						: Optional.empty();
			}
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read migration " + script + " from " + location, ex);
		}
	}

}
