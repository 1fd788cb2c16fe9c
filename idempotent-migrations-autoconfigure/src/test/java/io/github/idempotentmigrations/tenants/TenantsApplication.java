package io.github.idempotentmigrations.tenants;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsActuatorAutoConfiguration;
import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsAutoConfiguration;
import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsTenantsActuatorAutoConfiguration;
import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsTenantsAutoConfiguration;
import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsTenantsRefusedAutoConfiguration;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * An application with the starter and its Actuator glue whose shared schema migrates
 * {@code db/startup/base} and whose tenant schemas migrate {@code db/tenants}; plain
 * Flyway to build a tenant as an earlier release left it; and one tenant's slice of a
 * database snapshot, with its schema name replaced so tenants compare.
 */
final class TenantsApplication {

	static final String LOCATION = "classpath:db/tenants";

	private TenantsApplication() {
	}

	static ApplicationContextRunner on(TestDatabase database, String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
				"spring.flyway.locations=classpath:db/startup/base",
				"idempotent-migrations.tenants.locations=" + LOCATION, "idempotent-migrations.connect.timeout=5s",
				"management.endpoints.web.exposure.include=schema"));
		all.addAll(List.of(properties));
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					IdempotentMigrationsAutoConfiguration.class, IdempotentMigrationsTenantsAutoConfiguration.class,
					IdempotentMigrationsActuatorAutoConfiguration.class,
					IdempotentMigrationsTenantsActuatorAutoConfiguration.class,
					IdempotentMigrationsTenantsRefusedAutoConfiguration.class))
			.withPropertyValues(all.toArray(String[]::new));
	}

	static List<String> names(String prefix, int count) {
		return IntStream.range(0, count).mapToObj((i) -> prefix + String.format("%02d", i)).toList();
	}

	static String schemasProperty(List<String> schemas) {
		return "idempotent-migrations.tenants.schemas=" + String.join(",", schemas);
	}

	/**
	 * Plain Flyway migrating one tenant schema up to a version, as a release before the
	 * starter did.
	 */
	static void plainFlyway(TestDatabase database, String schema, String target) {
		Flyway.configure()
			.dataSource(database.dataSource())
			.schemas(schema)
			.locations(LOCATION)
			.placeholders(Map.of(TenantFlyway.PLACEHOLDER, schema))
			.target(target)
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load()
			.migrate();
	}

	/**
	 * One tenant's catalog and rows (history included), its schema name replaced by
	 * {@code T}.
	 */
	static List<String> slice(DatabaseSnapshot snapshot, String schema) {
		List<String> lines = new ArrayList<>();
		for (List<String> part : List.of(snapshot.catalog(), snapshot.rows())) {
			part.stream()
				.filter((line) -> line.contains(schema + ".") || line.equals("schema " + schema))
				.map((line) -> line.replace(schema, "T"))
				.forEach(lines::add);
		}
		return lines;
	}

	/**
	 * Like {@link #slice} without the history rows, whose timestamps differ between any
	 * two runs.
	 */
	static List<String> objectsAndRows(DatabaseSnapshot snapshot, String schema) {
		return slice(snapshot, schema).stream().filter((line) -> !line.startsWith("T.flyway_schema_history ")).toList();
	}

	static List<String> successfulVersions(TestDatabase database, String schema) {
		return database.query("SELECT version FROM " + schema + ".flyway_schema_history WHERE success AND version IS"
				+ " NOT NULL ORDER BY installed_rank");
	}

	/** What a report says, without its timings. */
	static String describe(TenantRun run) {
		MigrationReport report = run.report().orElseThrow();
		return (report.converged() ? "converged " : "not converged ") + report.schemaVersion() + " "
				+ report.repairs().stream().map((repair) -> repair.kind() + " " + repair.subject()).toList() + " "
				+ report.migrations().stream().map((migration) -> migration.label()).toList() + " " + report.problems()
				+ " " + report.warnings();
	}

}
