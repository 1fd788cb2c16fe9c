package io.github.idempotentmigrations.test.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the SQL migrations of a Flyway configuration's locations ({@code classpath:} and
 * {@code filesystem:}) without a database, named by the configuration's prefixes,
 * separator and suffixes.
 */
final class MigrationScripts {

	private MigrationScripts() {
	}

	static List<MigrationScript> of(Configuration configuration) {
		PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(
				configuration.getClassLoader());
		List<MigrationScript> scripts = new ArrayList<>();
		for (Location location : configuration.getLocations()) {
			String root = location.isFileSystem() ? "file:" + location.getRootPath()
					: "classpath*:" + location.getRootPath();
			try {
				for (Resource resource : resolver.getResources(root + "/**/*")) {
					String name = resource.getFilename();
					MigrationScript script = (name != null) ? parse(configuration, name, resource) : null;
					if (script != null) {
						scripts.add(script);
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the migrations in " + location, ex);
			}
		}
		scripts.sort(null);
		return scripts;
	}

	/**
	 * The migration a file holds, or null when its name is not a versioned or repeatable
	 * SQL migration's.
	 */
	private static @Nullable MigrationScript parse(Configuration configuration, String name, Resource resource)
			throws IOException {
		String suffix = Arrays.stream(configuration.getSqlMigrationSuffixes())
			.filter(name::endsWith)
			.findFirst()
			.orElse(null);
		String separator = configuration.getSqlMigrationSeparator();
		int end = name.indexOf(separator);
		if (suffix == null || end < 0) {
			return null;
		}
		String prefix = configuration.getSqlMigrationPrefix();
		MigrationVersion version;
		if (name.startsWith(configuration.getRepeatableSqlMigrationPrefix())
				&& end == configuration.getRepeatableSqlMigrationPrefix().length()) {
			version = null;
		}
		else if (name.startsWith(prefix) && end > prefix.length()) {
			version = MigrationVersion.fromVersion(name.substring(prefix.length(), end));
		}
		else {
			return null;
		}
		return new MigrationScript(version, name, resource.getContentAsString(StandardCharsets.UTF_8));
	}

}
