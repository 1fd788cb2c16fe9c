package io.github.idempotentmigrations.flyway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsAutoConfiguration;
import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A non-web application with the starter, on a test database, migrating one scenario
 * folder under {@code db/startup/}; and plain Flyway, to build a starting state the way
 * an earlier deployment left it.
 */
public final class MigratingApplication {

	private MigratingApplication() {
	}

	public static ApplicationContextRunner on(TestDatabase database, String scenario, String... properties) {
		return onLocation(database, "classpath:db/startup/" + scenario, properties);
	}

	/**
	 * The same application migrating any Flyway location, e.g.
	 * {@code filesystem:/path/to/set}.
	 */
	public static ApplicationContextRunner onLocation(TestDatabase database, String location, String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
				"spring.flyway.locations=" + location, "idempotent-migrations.connect.timeout=5s"));
		all.addAll(List.of(properties));
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				FlywayAutoConfiguration.class, IdempotentMigrationsAutoConfiguration.class))
			.withPropertyValues(all.toArray(String[]::new));
	}

	/**
	 * Plain Flyway (no starter) applying a scenario up to a version, as an earlier
	 * release did.
	 */
	public static void plainFlyway(TestDatabase database, String scenario, String target) {
		Flyway.configure()
			.dataSource(database.dataSource())
			.locations("classpath:db/startup/" + scenario)
			.target(target)
			// As every real setup with concurrent index builds must: a transaction-level
			// lock blocks them forever.
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load()
			.migrate();
	}

	/**
	 * Every history row as {@code rank:version:description:type:script:checksum:success},
	 * in rank order.
	 */
	public static List<String> history(TestDatabase database) {
		return database.query("SELECT concat_ws(':', installed_rank, version, description, type, script, checksum,"
				+ " success) FROM flyway_schema_history ORDER BY installed_rank");
	}

	/**
	 * The catalog plain Flyway builds from a scenario up to a version, on a database of
	 * its own.
	 */
	public static List<String> plainFlywayCatalog(String scenario, String target) {
		try (TestDatabase reference = TestDatabase.create()) {
			plainFlyway(reference, scenario, target);
			return DatabaseSnapshot.catalogOf(reference);
		}
	}

	/** The exception startup failed with. */
	public static SchemaConvergenceException failure(AssertableApplicationContext context) {
		for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SchemaConvergenceException convergence) {
				return convergence;
			}
		}
		throw new AssertionError("Startup did not fail with SchemaConvergenceException", context.getStartupFailure());
	}

}
