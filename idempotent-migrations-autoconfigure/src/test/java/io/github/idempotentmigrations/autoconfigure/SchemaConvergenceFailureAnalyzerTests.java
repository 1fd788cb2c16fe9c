package io.github.idempotentmigrations.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.idempotentmigrations.flyway.MigratingApplication.failure;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an on-call person reads for representative failures. The texts are also written to
 * {@code target/failure-analyzer-examples.md} for {@code docs/failures.md}.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class SchemaConvergenceFailureAnalyzerTests {

	private static final String NOT_CONNECTED = "Startup could not open a connection to the database";

	private static final String NOTHING_CHANGED = "Startup stopped before changing anything";

	private static final String HALF_DONE_SENTENCE = "The database schema could not be brought to the state";

	private static final String HALF_DONE = "half-done";

	private static final Path EXAMPLES = Path.of("target", "failure-analyzer-examples.md");

	@Test
	void notNullColumnAddedToAPopulatedTable(TestDatabase db) throws IOException {
		plainFlyway(db, "not-null", "1");
		FailureAnalysis analysis = analyze(on(db, "not-null"));
		assertThat(analysis.getDescription()).contains("Migration: 2 \"add tier\" (V2__add_tier.sql)",
				"Statement 1: ALTER TABLE accounts ADD COLUMN tier text NOT NULL", "SQLSTATE: 23502");
		assertThat(analysis.getAction()).contains("Add a DEFAULT to the column in a new migration");
		record("NOT NULL column added to a populated table", analysis);
	}

	@Test
	void columnAddedByHandWithAnotherType(TestDatabase db) throws IOException {
		plainFlyway(db, "conflict", "1");
		db.execute("ALTER TABLE accounts ADD COLUMN created_at integer");
		FailureAnalysis analysis = analyze(on(db, "conflict"));
		assertThat(analysis.getDescription()).contains("Migration: 2 \"add created at\"", "CONFLICT",
				"timestamp with time zone", "integer");
		assertThat(analysis.getAction()).contains("idempotent-migrations.on-conflict=warn");
		record("A column added by hand with another type", analysis);
	}

	@Test
	void unreachableDatabase(TestDatabase db) throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		FailureAnalysis analysis = analyze(on(db, "base",
				"spring.datasource.url=jdbc:postgresql://localhost:" + closedPort + "/orders",
				"idempotent-migrations.connect.timeout=1s", "spring.datasource.hikari.initialization-fail-timeout=-1",
				"spring.datasource.hikari.connection-timeout=250"));
		assertThat(analysis.getDescription()).contains(
				"The database is unreachable (host localhost, port " + closedPort + ", database orders)",
				"SQLSTATE: 08001");
		assertThat(analysis.getDescription()).startsWith(NOT_CONNECTED).doesNotContain(HALF_DONE);
		assertThat(analysis.getAction()).contains("idempotent-migrations.connect.timeout", "spring.datasource.url");
		record("Unreachable database", analysis);
	}

	@Test
	void validateModeOnADatabaseWithPendingMigrations(TestDatabase db) throws IOException {
		plainFlyway(db, "validate-pending", "1");
		FailureAnalysis analysis = analyze(on(db, "validate-pending", "idempotent-migrations.mode=validate"));
		assertThat(analysis.getDescription()).contains("Migration 2 \"add nickname\" is pending");
		assertThat(analysis.getAction()).contains("idempotent-migrations.mode=migrate");
		record("Validate mode, schema not converged", analysis);
	}

	@Test
	void adoptionConflict(TestDatabase db) throws IOException {
		db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name varchar(40) NOT NULL)");
		FailureAnalysis analysis = analyze(on(db, "adopt"));
		assertThat(analysis.getDescription()).contains("CONFLICT: column public.customers.name",
				"expected name text NOT NULL, found name character varying(40) NOT NULL");
		record("Adopting a schema without history: an object differs", analysis);
	}

	@Test
	void noShadowDatabasePossible(TestDatabase db) throws IOException {
		db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL)");
		String role = "im_app_" + db.name().substring(db.name().length() - 8);
		db.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB PASSWORD 'app'");
		try {
			FailureAnalysis analysis = analyze(
					on(db, "adopt", "spring.datasource.username=" + role, "spring.datasource.password=app"));
			assertThat(analysis.getDescription()).startsWith(NOTHING_CHANGED)
				.contains("ALTER ROLE " + role + " CREATEDB", "idempotent-migrations.shadow.url");
			assertThat(analysis.getAction()).contains("CREATEDB", "idempotent-migrations.shadow.url")
				.doesNotContain("add a new migration");
			record("Adopting a schema without history: no shadow database possible", analysis);
		}
		finally {
			db.execute("DROP ROLE " + role);
		}
	}

	@Test
	void checksumMismatch(TestDatabase db) throws IOException {
		plainFlyway(db, "base", "1");
		FailureAnalysis analysis = analyze(on(db, "edited"));
		assertThat(analysis.getDescription()).startsWith(NOTHING_CHANGED)
			.contains("Migration 1 \"create accounts\" was edited", "checksum-mismatches=realign");
		assertThat(analysis.getAction()).contains("Restore the applied migration",
				"idempotent-migrations.repair.checksum-mismatches=realign");
		record("An applied migration edited since", analysis);
	}

	@Test
	void wrongPassword(TestDatabase db) throws IOException {
		String role = "im_password_" + db.name().substring(db.name().length() - 8);
		db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'the-password'");
		try {
			FailureAnalysis analysis = analyze(
					on(db, "base", "spring.datasource.username=" + role, "spring.datasource.password=not-the-password",
							"spring.datasource.hikari.initialization-fail-timeout=-1",
							"spring.datasource.hikari.connection-timeout=250"));
			assertThat(analysis.getDescription()).startsWith(NOT_CONNECTED)
				.doesNotContain(HALF_DONE)
				.contains("password authentication failed", "SQLSTATE: 28P01");
			assertThat(analysis.getAction()).contains("spring.datasource.username/password", "pg_hba.conf");
			record("Wrong password", analysis);
		}
		finally {
			db.execute("DROP ROLE " + role);
		}
	}

	@Test
	void missingDatabase(TestDatabase db) throws IOException {
		FailureAnalysis analysis = analyze(
				on(db, "base", "spring.datasource.url=" + db.jdbcUrl().replace(db.name(), "no_such_database"),
						"spring.datasource.hikari.initialization-fail-timeout=-1",
						"spring.datasource.hikari.connection-timeout=250"));
		assertThat(analysis.getDescription()).startsWith(NOT_CONNECTED)
			.contains("database no_such_database", "SQLSTATE: 3D000");
		assertThat(analysis.getAction()).contains("CREATE DATABASE", "spring.datasource.url");
		record("Missing database", analysis);
	}

	@Test
	void poolExhaustedBeforeMigrating(TestDatabase db) throws IOException {
		// An application bean that takes the pool's only connection during startup and
		// keeps it.
		FlywayConfigurationCustomizer leak = (configuration) -> {
			try {
				configuration.getDataSource().getConnection();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		};
		FailureAnalysis analysis = analyze(on(db, "base", "spring.datasource.hikari.maximum-pool-size=1",
				"spring.datasource.hikari.connection-timeout=250")
			.withBean(FlywayConfigurationCustomizer.class, () -> leak));
		assertThat(analysis.getDescription()).startsWith(NOT_CONNECTED).contains("Connection is not available");
		assertThat(analysis.getAction()).contains("spring.datasource.hikari.maximum-pool-size");
		record("Pool exhausted", analysis);
	}

	@Test
	void migrationRefusedForAnotherReason(TestDatabase db) throws IOException {
		plainFlyway(db, "unknown-table", "1");
		FailureAnalysis analysis = analyze(on(db, "unknown-table"));
		assertThat(analysis.getDescription()).startsWith(HALF_DONE_SENTENCE)
			.contains("Migration: 2 \"add theme\"", "SQLSTATE: 42P01");
		assertThat(analysis.getAction()).contains("add a new migration", "spring.flyway.locations");
		record("A migration PostgreSQL refuses", analysis);
	}

	@Test
	void lockTimeout(TestDatabase db) throws Exception {
		plainFlyway(db, "lock-timeout", "1");
		try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
			FailureAnalysis analysis = analyze(on(db, "lock-timeout",
					"idempotent-migrations.connect.lock-timeout=200ms", "idempotent-migrations.connect.lock-retries=1",
					"idempotent-migrations.connect.lock-retry-backoff=50ms"));
			holder.rollback();
			assertThat(analysis.getDescription()).startsWith(HALF_DONE_SENTENCE)
				.contains("SQLSTATE: 55P03", "held by pid", "LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
			assertThat(analysis.getAction()).contains("pg_terminate_backend",
					"idempotent-migrations.connect.lock-retries", "idempotent-migrations.connect.lock-timeout");
			record("Lock timeout", analysis);
		}
	}

	@Test
	void failedMigrationWhoseCommittedStatementsAreNotKnown(TestDatabase db) throws IOException {
		Flyway plain = Flyway.configure()
			.dataSource(db.dataSource())
			.locations("classpath:db/startup/committed-update")
			.mixed(true)
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load();
		assertThatExceptionOfType(FlywayException.class).isThrownBy(plain::migrate);
		FailureAnalysis analysis = analyze(on(db, "committed-update", "spring.flyway.mixed=true"));
		assertThat(analysis.getDescription()).startsWith(NOTHING_CHANGED)
			.contains("statement 1: UPDATE accounts SET cents = cents * 100",
					"idempotent-migrations.repair.resume-after[2]=1");
		record("A failed migration whose committed statements are not known", analysis);
	}

	@Test
	void assumeAppliedThatTheSchemaDoesNotBearOut(TestDatabase db) throws IOException {
		plainFlyway(db, "lost-history", "5");
		db.execute("DELETE FROM flyway_schema_history WHERE installed_rank > 1");
		db.execute("DROP TABLE settings");
		FailureAnalysis analysis = analyze(
				on(db, "lost-history", "idempotent-migrations.repair.assume-applied=2,3,4,5"));
		assertThat(analysis.getDescription()).startsWith(NOTHING_CHANGED).contains("table public.settings");
		record("History rows named with assume-applied that the schema does not bear out", analysis);
	}

	@Test
	void everyKindHasItsOwnAction() {
		assertThat(Arrays.stream(FailureKind.values()).map(FailureKind::action)).doesNotHaveDuplicates();
	}

	private static FailureAnalysis analyze(ApplicationContextRunner application) {
		AtomicReference<SchemaConvergenceException> failure = new AtomicReference<>();
		application.run((context) -> failure.set(failure(context)));
		return new SchemaConvergenceFailureAnalyzer().analyze(failure.get());
	}

	/**
	 * Renders the analysis the way Boot prints it at startup and appends it to the
	 * examples file.
	 */
	private static void record(String title, FailureAnalysis analysis) throws IOException {
		String printed = "\n\n***************************\nAPPLICATION FAILED TO START\n***************************\n\n"
				+ "Description:\n\n" + analysis.getDescription() + "\n\nAction:\n\n" + analysis.getAction() + "\n";
		Files.createDirectories(EXAMPLES.getParent());
		Files.writeString(EXAMPLES, "### " + title + "\n\n```" + printed + "```\n\n", StandardOpenOption.CREATE,
				StandardOpenOption.APPEND);
	}

}
