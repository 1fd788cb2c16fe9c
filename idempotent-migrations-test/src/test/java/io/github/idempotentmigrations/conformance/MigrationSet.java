package io.github.idempotentmigrations.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.github.idempotentmigrations.engine.sql.SqlScriptSplitter;

/**
 * One vendor's migration history as Flyway versioned migrations: the vendor's scripts,
 * unedited, in the order the vendor applies them, numbered {@code V1__...} to
 * {@code Vn__...}.
 *
 * @param name short name, e.g. {@code camunda}
 * @param origin the artifacts and versions the scripts come from, for the report
 * @param scripts the vendor's scripts in order
 */
record MigrationSet(String name, String origin, List<Path> scripts) {

	MigrationSet {
		scripts = List.copyOf(scripts);
		if (scripts.isEmpty()) {
			throw new IllegalStateException("Migration set " + name + " found no scripts: were the corpora unpacked?");
		}
	}

	/**
	 * Copies the scripts under {@code root/<name>} with Flyway names; only the file names
	 * change.
	 */
	Path materialize(Path root) {
		Path directory = root.resolve(this.name);
		try {
			if (Files.isDirectory(directory)) {
				try (var stale = Files.list(directory)) {
					for (Path file : stale.toList()) {
						Files.delete(file);
					}
				}
			}
			Files.createDirectories(directory);
			for (int i = 0; i < this.scripts.size(); i++) {
				Files.copy(this.scripts.get(i), directory.resolve(flywayName(i + 1, this.scripts.get(i))),
						java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return directory;
	}

	int size() {
		return this.scripts.size();
	}

	/** Statements as the engine's splitter counts them. */
	int statementCount() {
		return this.scripts.stream().mapToInt((script) -> SqlScriptSplitter.split(read(script)).size()).sum();
	}

	/**
	 * The Flyway description of migration {@code version} (1-based): the vendor's file
	 * name.
	 */
	String description(int version) {
		return flywayName(version, this.scripts.get(version - 1)).replaceFirst("^V\\d+__", "").replace(".sql", "");
	}

	private static String flywayName(int version, Path script) {
		String base = script.getFileName().toString().replaceFirst("\\.sql$", "");
		// Flyway reads "__" as the version separator and '.' is fine in descriptions;
		// keep names readable.
		return "V" + version + "__" + base.replaceAll("[^A-Za-z0-9.]+", "_").toLowerCase(Locale.ROOT) + ".sql";
	}

	private static String read(Path script) {
		try {
			return Files.readString(script, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
