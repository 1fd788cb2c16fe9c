package io.github.idempotentmigrations.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.shadow.ShadowDatabase;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PgBouncer;
import io.github.idempotentmigrations.testsupport.PgBouncer.PoolMode;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.idempotentmigrations.flyway.MigratingApplication.failure;
import static io.github.idempotentmigrations.flyway.MigratingApplication.history;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real PgBouncer in front of the test database. In transaction mode a connection's
 * session state (session advisory locks, {@code SET}, the session itself) does not stay
 * between transactions, and the pooler lists only the application's database: migrations
 * need {@code spring.flyway.url} pointing at the server itself.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class PgBouncerStartupTests {

	// Boot takes no user from spring.datasource.* once spring.flyway.url is set: the
	// tests give it, as users must.

	// Server-side prepared statements do not survive a transaction pooler before
	// PgBouncer 1.21: what such setups set.
	private static final String NO_SERVER_PREPARE = "?prepareThreshold=0";

	@Test
	void appThroughATransactionPoolerAndFlywayDirectMigratesAndASecondStartChangesNothing(TestDatabase db)
			throws SQLException {
		try (PgBouncer bouncer = PgBouncer.inFrontOf(db, PoolMode.TRANSACTION)) {
			ApplicationContextRunner app = on(db, "concurrent-index",
					"spring.datasource.url=" + bouncer.jdbcUrl() + NO_SERVER_PREPARE,
					"spring.flyway.url=" + db.jdbcUrl(), "spring.flyway.user=" + db.user());
			app.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(throughAPooler(context.getBean(DataSource.class))).isTrue();
				assertThat(throughAPooler(context.getBean(Flyway.class).getConfiguration().getDataSource())).isFalse();
			});
			assertThat(history(db)).hasSize(2).allMatch((row) -> row.endsWith(":t"));
			assertThat(db
				.query("SELECT indisvalid::text FROM pg_index" + " WHERE indexrelid = 'accounts_email_key'::regclass"))
				.containsExactly("true");
			DatabaseSnapshot converged = DatabaseSnapshot.of(db);

			app.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
				assertThat(report.migrations()).isEmpty();
				assertThat(report.repairs()).isEmpty();
			});
			assertThat(DatabaseSnapshot.of(db)).isEqualTo(converged);
		}
	}

	@Test
	void adoptionWithFlywayDirectBuildsItsTemporaryShadowWhereThePoolerListsNoDatabase(TestDatabase db) {
		db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL, email text);"
				+ " INSERT INTO customers VALUES (1, 'Ann', 'ann@example.com')");
		try (PgBouncer bouncer = PgBouncer.inFrontOf(db, PoolMode.TRANSACTION)) {
			on(db, "adopt", "spring.datasource.url=" + bouncer.jdbcUrl() + NO_SERVER_PREPARE,
					"spring.flyway.url=" + db.jdbcUrl(), "spring.flyway.user=" + db.user())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
					assertThat(report.repairs()).extracting((repair) -> repair.kind())
						.containsExactly(RepairAction.Kind.UNHISTORIED_SCHEMA);
				});
		}
		assertThat(db.query("SELECT version FROM flyway_schema_history ORDER BY installed_rank")).containsExactly("1",
				"2");
		assertThat(db.query("SELECT name || ':' || email FROM customers")).containsExactly("Ann:ann@example.com");
	}

	@Test
	void flywayThroughATransactionPoolerStopsEveryInstanceBeforeChangingAnythingAndNamesSpringFlywayUrl(TestDatabase db)
			throws Exception {
		db.execute("CREATE TABLE kept (id integer); INSERT INTO kept VALUES (1)");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		try (PgBouncer bouncer = PgBouncer.inFrontOf(db, PoolMode.TRANSACTION)) {
			ApplicationContextRunner app = on(db, "concurrent-index",
					"spring.datasource.url=" + bouncer.jdbcUrl() + NO_SERVER_PREPARE);
			for (SchemaConvergenceException stopped : startingTogether(app, 2)) {
				FailureAnalysis analysis = new SchemaConvergenceFailureAnalyzer().analyze(stopped);
				assertThat(analysis.getDescription()).contains("transaction mode", "Nothing was changed");
				assertThat(analysis.getAction()).contains("spring.flyway.url");
			}
		}
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
		assertThat(db
			.query("SELECT datname FROM pg_database WHERE datname LIKE '" + ShadowDatabase.TEMPORARY_PREFIX + "%'"))
			.isEmpty();
	}

	@Test
	void flywayThroughASessionPoolerMigrates(TestDatabase db) {
		try (PgBouncer bouncer = PgBouncer.inFrontOf(db, PoolMode.SESSION)) {
			on(db, "concurrent-index", "spring.datasource.url=" + bouncer.jdbcUrl()).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(throughAPooler(context.getBean(Flyway.class).getConfiguration().getDataSource())).isTrue();
			});
		}
		assertThat(history(db)).hasSize(2).allMatch((row) -> row.endsWith(":t"));
	}

	/** Startup failures of instances started at the same moment, one per instance. */
	private static List<SchemaConvergenceException> startingTogether(ApplicationContextRunner app, int instances)
			throws Exception {
		CyclicBarrier sameMoment = new CyclicBarrier(instances);
		ExecutorService executor = Executors.newFixedThreadPool(instances);
		try {
			List<CompletableFuture<SchemaConvergenceException>> startups = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				startups.add(CompletableFuture.supplyAsync(() -> {
					List<SchemaConvergenceException> failed = new ArrayList<>();
					app.withInitializer((context) -> await(sameMoment)).run((context) -> failed.add(failure(context)));
					return failed.get(0);
				}, executor));
			}
			List<SchemaConvergenceException> failures = new ArrayList<>();
			for (CompletableFuture<SchemaConvergenceException> startup : startups) {
				failures.add(startup.get());
			}
			return failures;
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A pooler hands the client its own cancel key, never the PostgreSQL session's. */
	private static boolean throughAPooler(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1) != connection.unwrap(PGConnection.class).getBackendPID();
		}
	}

}
