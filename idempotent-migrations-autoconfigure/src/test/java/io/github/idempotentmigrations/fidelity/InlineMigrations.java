package io.github.idempotentmigrations.fidelity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsAutoConfiguration;
import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration set written inline in a test (V1, V2, ... in order), run with plain Flyway
 * or by an application with the starter, and the state a run leaves: catalog with
 * definitions, every row of the user's tables, and the history.
 */
final class InlineMigrations {

	private final Path location;

	/**
	 * Whether Flyway wraps each migration in a transaction (its default) or runs it as
	 * sent.
	 */
	private final boolean inTransaction;

	private InlineMigrations(Path location, boolean inTransaction) {
		this.location = location;
		this.inTransaction = inTransaction;
	}

	static InlineMigrations of(Path directory, String... scripts) {
		try {
			for (int i = 0; i < scripts.length; i++) {
				Files.writeString(directory.resolve("V" + (i + 1) + "__step_" + (i + 1) + ".sql"), scripts[i]);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new InlineMigrations(directory, true);
	}

	/**
	 * The same set run outside Flyway's transaction ({@code executeInTransaction=false}),
	 * as scripts that open their own.
	 */
	InlineMigrations outsideFlywaysTransaction() {
		return new InlineMigrations(this.location, false);
	}

	FluentConfiguration configure(TestDatabase database) {
		return Flyway.configure()
			.dataSource(database.jdbcUrl(), database.user(), database.password())
			.locations("filesystem:" + this.location)
			.executeInTransaction(this.inTransaction);
	}

	void plain(TestDatabase database) {
		configure(database).load().migrate();
	}

	void plainTo(TestDatabase database, String version) {
		configure(database).target(version).load().migrate();
	}

	/**
	 * Starts an application with the starter on the database, as Boot does (strategy
	 * included): the run's results, or the {@link SchemaConvergenceException} startup
	 * failed with.
	 */
	List<MigrationResult> starter(TestDatabase database) {
		List<List<MigrationResult>> results = new ArrayList<>();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					IdempotentMigrationsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.user(),
					"spring.datasource.password=" + database.password(),
					"spring.flyway.locations=filesystem:" + this.location,
					"spring.flyway.execute-in-transaction=" + this.inTransaction)
			.run((context) -> {
				for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
					if (cause instanceof SchemaConvergenceException convergence) {
						throw convergence;
					}
				}
				assertThat(context).hasNotFailed();
				results.add(context.getBean(MigrationReportStore.class).last().orElseThrow().migrations());
			});
		return results.get(0);
	}

	/**
	 * Catalog with definitions, then every row of every user table, then history rows;
	 * the starter's bookkeeping tables beside the history are not user tables.
	 */
	static List<String> state(TestDatabase database) {
		List<String> state = new ArrayList<>(DatabaseSnapshot.catalogOf(database));
		for (String table : database.query("SELECT format('%I.%I', schemaname, tablename) FROM pg_tables"
				+ " WHERE schemaname NOT IN ('pg_catalog', 'information_schema')"
				+ " AND tablename NOT LIKE 'flyway\\_schema\\_history%' ORDER BY 1")) {
			database.query("SELECT t::text FROM " + table + " t ORDER BY 1")
				.forEach((row) -> state.add(table + " " + row));
		}
		state.addAll(history(database));
		return state;
	}

	static List<String> history(TestDatabase database) {
		return database.query("SELECT to_regclass('flyway_schema_history') IS NOT NULL").get(0).equals("t")
				? database.query("SELECT version || ':' || checksum || ':' || success FROM flyway_schema_history"
						+ " ORDER BY installed_rank")
				: List.of();
	}

}
