package io.github.idempotentmigrations.flyway;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicReference;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.idempotentmigrations.flyway.MigratingApplication.failure;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * Startup on input it cannot make converge: each case fails with a specific message, and
 * the schema and every row are exactly as before.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class BadInputStartupTests {

	@Test
	void syntaxErrorInMigration(TestDatabase db) {
		plainFlyway(db, "syntax-error", "1");
		SchemaConvergenceException failure = failsLeavingDatabaseUnchanged(db, on(db, "syntax-error"),
				"Migration 2 \"add nickname\"", "syntax error");
		assertThat(failure.report().migrations()).anySatisfy(
				(m) -> assertThat(m.statements()).anySatisfy((s) -> assertThat(s.sqlState()).isEqualTo("42601")));
	}

	@Test
	void notNullColumnWithoutDefaultOnPopulatedTable(TestDatabase db) {
		plainFlyway(db, "not-null", "1");
		failsLeavingDatabaseUnchanged(db, on(db, "not-null"), "Migration 2 \"add tier\"", "tier",
				"contains null values");
	}

	@Test
	void conflictingDriftOfAColumnAddedByHand(TestDatabase db) {
		plainFlyway(db, "conflict", "1");
		db.execute("ALTER TABLE accounts ADD COLUMN created_at integer");
		SchemaConvergenceException failure = failsLeavingDatabaseUnchanged(db, on(db, "conflict"),
				"Migration 2 \"add created at\"", "created_at", "CONFLICT");
		StatementResult conflict = failure.report().conflicts().get(0);
		assertThat(conflict.expected()).contains("timestamp with time zone");
		assertThat(conflict.actual()).contains("integer");
	}

	@Test
	void uniqueIndexOverDuplicateRows(TestDatabase db) {
		plainFlyway(db, "duplicate-data", "1");
		db.execute("INSERT INTO accounts VALUES (3, 'ann@example.com')");
		failsLeavingDatabaseUnchanged(db, on(db, "duplicate-data"), "Migration 2 \"unique email\"",
				"could not create unique index");
	}

	@Test
	void migrationOnATableThatDoesNotExist(TestDatabase db) {
		plainFlyway(db, "unknown-table", "1");
		failsLeavingDatabaseUnchanged(db, on(db, "unknown-table"), "Migration 2 \"add theme\"",
				"\"account_settings\" does not exist");
	}

	@Test
	void unreachableDatabaseAfterConnectTimeout(TestDatabase db) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String url = "jdbc:postgresql://localhost:" + closedPort + "/inventory";
		SchemaConvergenceException failure = failsLeavingDatabaseUnchanged(db,
				on(db, "base", "spring.datasource.url=" + url, "spring.datasource.password=s3cret-pw",
						"idempotent-migrations.connect.timeout=1s",
						"idempotent-migrations.connect.initial-backoff=100ms",
						"spring.datasource.hikari.initialization-fail-timeout=-1",
						"spring.datasource.hikari.connection-timeout=250"),
				"The database is unreachable", "host localhost, port " + closedPort + ", database inventory");
		assertThat(failure.getMessage()).doesNotContain("s3cret-pw");
	}

	@Test
	void wrongPassword(TestDatabase db) {
		plainFlyway(db, "base", "1");
		String role = "im_password_" + db.name().substring(db.name().length() - 8);
		db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'the-password'");
		try {
			SchemaConvergenceException failure = failsLeavingDatabaseUnchanged(db,
					on(db, "base", "spring.datasource.username=" + role, "spring.datasource.password=not-the-password",
							"spring.datasource.hikari.initialization-fail-timeout=-1",
							"spring.datasource.hikari.connection-timeout=250"),
					"Cannot open a connection to the database", "database " + db.name(), "authentication failed");
			assertThat(failure.getMessage()).doesNotContain("not-the-password");
		}
		finally {
			db.execute("DROP ROLE " + role);
		}
	}

	@Test
	void unknownDatabase(TestDatabase db) {
		String url = db.jdbcUrl().replace(db.name(), "no_such_database");
		failsLeavingDatabaseUnchanged(db,
				on(db, "base", "spring.datasource.url=" + url,
						"spring.datasource.hikari.initialization-fail-timeout=-1",
						"spring.datasource.hikari.connection-timeout=250"),
				"database no_such_database", "does not exist");
	}

	@Test
	void migrationUserWithoutCreatePrivilege(TestDatabase db) {
		plainFlyway(db, "no-privilege", "1");
		String role = "im_limited_" + db.name().substring(db.name().length() - 8);
		db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'limited'; REVOKE CREATE ON SCHEMA public FROM PUBLIC;"
				+ " GRANT USAGE ON SCHEMA public TO " + role + "; GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES"
				+ " IN SCHEMA public TO " + role);
		try {
			failsLeavingDatabaseUnchanged(db,
					on(db, "no-privilege", "spring.datasource.username=" + role, "spring.datasource.password=limited"),
					"Migration 2 \"create audit log\"", "permission denied for schema public");
		}
		finally {
			db.execute("DROP OWNED BY " + role + "; DROP ROLE " + role);
		}
	}

	@Test
	void lockHeldByAnotherSessionPastTheLockTimeout(TestDatabase db) throws Exception {
		plainFlyway(db, "lock-timeout", "1");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
			AtomicReference<SchemaConvergenceException> failure = new AtomicReference<>();
			on(db, "lock-timeout", "idempotent-migrations.connect.lock-timeout=200ms",
					"idempotent-migrations.connect.lock-retries=2",
					"idempotent-migrations.connect.lock-retry-backoff=50ms")
				.run((context) -> failure.set(failure(context)));
			assertThat(failure.get().getMessage()).contains("Migration 2 \"add nickname\"", "lock timeout 3 times",
					"held by pid", "idle in transaction", "LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
			holder.rollback();
			assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
		}
	}

	/**
	 * A prepared transaction holds its locks without a session: the failure names it, and
	 * how it ends.
	 */
	@Test
	void lockHeldByAPreparedTransactionIsNamedByItsName(TestDatabase db) throws Exception {
		assumeThat(Integer.parseInt(db.query("SHOW max_prepared_transactions").get(0))).isPositive();
		plainFlyway(db, "lock-timeout", "1");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
			statement.execute("BEGIN; LOCK TABLE accounts IN SHARE MODE; PREPARE TRANSACTION 'held_" + db.name() + "'");
		}
		try {
			AtomicReference<SchemaConvergenceException> failure = new AtomicReference<>();
			on(db, "lock-timeout", "idempotent-migrations.connect.lock-timeout=200ms",
					"idempotent-migrations.connect.lock-retries=1",
					"idempotent-migrations.connect.lock-retry-backoff=50ms")
				.run((context) -> failure.set(failure(context)));
			assertThat(failure.get().getMessage()).contains("Migration 2 \"add nickname\"",
					"held by prepared transaction 'held_" + db.name() + "' (role " + db.user() + ", prepared ",
					"COMMIT PREPARED or ROLLBACK PREPARED ends it");
		}
		finally {
			db.execute("ROLLBACK PREPARED 'held_" + db.name() + "'");
		}
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	@Test
	void checksumMismatchFailsByDefaultNamingTheMigrationAndTheChoices(TestDatabase db) {
		plainFlyway(db, "base", "1");
		failsLeavingDatabaseUnchanged(db, on(db, "edited"),
				"Migration 1 \"create accounts\" was edited after it was applied",
				"idempotent-migrations.repair.checksum-mismatches=fail", "Either restore the script as it was applied",
				"set idempotent-migrations.repair.checksum-mismatches=realign to record the new checksum without"
						+ " running anything");
	}

	@Test
	void missingMigrationWithPolicyFail(TestDatabase db) {
		plainFlyway(db, "two-migrations", "2");
		failsLeavingDatabaseUnchanged(db, on(db, "base", "idempotent-migrations.repair.missing-migrations=fail"),
				"Migration 2 \"add nickname\" is in the history but no longer in the configured locations",
				"idempotent-migrations.repair.missing-migrations=fail");
	}

	@Test
	void unhistoriedSchemaWithPolicyFail(TestDatabase db) {
		db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);"
				+ " INSERT INTO customers VALUES (1, 'Ann')");
		failsLeavingDatabaseUnchanged(db, on(db, "adopt", "idempotent-migrations.repair.unhistoried-schema=fail"),
				"has no Flyway history", "idempotent-migrations.repair.unhistoried-schema=fail");
	}

	@Test
	void unhistoriedSchemaWithPolicyWarnIsRejectedAtBindingLeavingDatabaseUnchanged(TestDatabase db) {
		db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL)");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		on(db, "adopt", "idempotent-migrations.repair.unhistoried-schema=warn")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("UnhistoriedSchemaPolicy")
				.hasMessageContaining("warn"));
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	@Test
	void failedHistoryRowWithPolicyFail(TestDatabase db) {
		StartingStates.migrationKilledHalfWay(db);
		failsLeavingDatabaseUnchanged(db,
				on(db, "concurrent-index", "idempotent-migrations.repair.failed-migrations=fail"),
				"Migration 2 \"index email\" failed in an earlier run",
				"idempotent-migrations.repair.failed-migrations=fail");
	}

	@Test
	void validateModeWithPendingMigration(TestDatabase db) {
		plainFlyway(db, "validate-pending", "1");
		failsLeavingDatabaseUnchanged(db, on(db, "validate-pending", "idempotent-migrations.mode=validate"),
				"validate mode: nothing was changed", "Migration 2 \"add nickname\" is pending");
	}

	@Test
	void validateModeOnAnUnhistoriedSchemaCreatesNoHistory(TestDatabase db) {
		db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL)");
		failsLeavingDatabaseUnchanged(db, on(db, "adopt", "idempotent-migrations.mode=validate"),
				"has no Flyway history", "Migration 1 \"create customers\" is pending");
	}

	@Test
	void twoMigrationsWithTheSameVersion(TestDatabase db) {
		plainFlyway(db, "base", "1");
		failsLeavingDatabaseUnchanged(db, on(db, "duplicate-version"), "Found more than one migration with version 2");
	}

	private static SchemaConvergenceException failsLeavingDatabaseUnchanged(TestDatabase db,
			ApplicationContextRunner application, String... expectedInMessage) {
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		AtomicReference<SchemaConvergenceException> failure = new AtomicReference<>();
		application.run((context) -> failure.set(failure(context)));
		assertThat(failure.get().getMessage()).contains(expectedInMessage);
		assertThat(failure.get().report().converged()).isFalse();
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
		return failure.get();
	}

}
