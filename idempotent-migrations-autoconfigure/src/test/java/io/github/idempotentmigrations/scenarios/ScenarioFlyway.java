package io.github.idempotentmigrations.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.engine.sql.SqlScriptSplitter;
import io.github.idempotentmigrations.flyway.IdempotentStatementCallback;
import io.github.idempotentmigrations.flyway.MigratingApplication;
import io.github.idempotentmigrations.flyway.MigrationRunTracker;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Runs Flyway on a scenario's scripts without Spring, with or without the engine, the way
 * the seam contract test does. Scripts live under {@code scenarios/<name>} on the test
 * classpath.
 */
final class ScenarioFlyway {

	private ScenarioFlyway() {
	}

	static FluentConfiguration configure(TestDatabase database, String scenario) {
		return Flyway.configure()
			.dataSource(database.jdbcUrl(), database.user(), database.password())
			.locations("classpath:scenarios/" + scenario);
	}

	/** Plain Flyway, no engine callback: what the story's authors had. */
	static Flyway plain(TestDatabase database, String scenario) {
		return configure(database, scenario).load();
	}

	/**
	 * Migrates with the engine, through the statement callback alone (no startup
	 * strategy).
	 */
	static List<MigrationResult> migrate(TestDatabase database, String scenario, EngineSettings settings) {
		MigrationRunTracker runs = new MigrationRunTracker(settings);
		try {
			withEngine(configure(database, scenario), runs).migrate();
		}
		catch (RuntimeException ex) {
			throw new ScenarioFailure(ex, runs.lastResults());
		}
		return runs.lastResults();
	}

	static List<MigrationResult> migrate(TestDatabase database, String scenario) {
		return migrate(database, scenario, EngineSettings.defaults());
	}

	/**
	 * An application with the starter (strategy included) migrating the scenario, as it
	 * would start.
	 */
	static ApplicationContextRunner starter(TestDatabase database, String scenario) {
		return MigratingApplication.on(database, "unused", "spring.flyway.locations=classpath:scenarios/" + scenario);
	}

	/**
	 * Migrates only up to {@code target} (inclusive) with the engine on an empty
	 * database.
	 */
	static List<MigrationResult> migrateTo(TestDatabase database, String scenario, String target) {
		MigrationRunTracker runs = new MigrationRunTracker(EngineSettings.defaults());
		withEngine(configure(database, scenario).target(target), runs).migrate();
		return runs.lastResults();
	}

	static Flyway withEngine(FluentConfiguration configuration, MigrationRunTracker runs) {
		configuration.callbacks(new IdempotentStatementCallback(runs));
		configuration.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
		return configuration.load();
	}

	/** The scenario's scripts, ordered by version. */
	static List<Path> scripts(String scenario) {
		URL url = ScenarioFlyway.class.getClassLoader().getResource("scenarios/" + scenario);
		try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
			return files.filter((p) -> p.getFileName().toString().matches("V\\d+__.*\\.sql"))
				.sorted(Comparator.comparingInt(ScenarioFlyway::version))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static int version(Path script) {
		String name = script.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.indexOf("__")));
	}

	/**
	 * Every statement of the scenario's scripts after version {@code after} (all when
	 * null), in order.
	 */
	static List<String> upcomingStatements(String scenario, Integer after) {
		List<String> statements = new ArrayList<>();
		for (Path script : scripts(scenario)) {
			if (after == null || version(script) > after) {
				try {
					statements.addAll(SqlScriptSplitter.split(Files.readString(script, StandardCharsets.UTF_8)));
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return statements;
	}

	static List<StatementResult> statements(List<MigrationResult> results) {
		return results.stream().flatMap((m) -> m.statements().stream()).toList();
	}

	static MigrationResult migration(List<MigrationResult> results, String version) {
		return results.stream()
			.filter((m) -> version.equals(m.version()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no result for V" + version + " in " + results));
	}

	static long count(TestDatabase database, String sql) {
		return Long.parseLong(query(database, sql).get(0));
	}

	static List<String> query(TestDatabase database, String sql) {
		return database.query(sql);
	}

	/** History rows as {@code version:success}, in rank order. */
	static List<String> history(TestDatabase database) {
		return query(database, "SELECT coalesce(version, 'R') || ':' || type || ':' || success"
				+ " FROM flyway_schema_history ORDER BY installed_rank");
	}

	/** A migrate that failed, with what the engine reported up to the failure. */
	static final class ScenarioFailure extends RuntimeException {

		private final transient List<MigrationResult> results;

		ScenarioFailure(RuntimeException cause, List<MigrationResult> results) {
			super(cause.getMessage() + "\nlast migration: "
					+ (results.isEmpty() ? "none" : results.get(results.size() - 1).label()), cause);
			this.results = results;
		}

		List<MigrationResult> results() {
			return this.results;
		}

	}

}
