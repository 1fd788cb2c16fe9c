package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciling needs no right the migration itself does not need: a role that owns its
 * schema and may not create schemas in the database reconciles the README's hot-fix case,
 * and a user schema named like a probe is not in the way. Roles are cluster-wide, so the
 * role is made once, by the test.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class LeastPrivilegeReconciliationTests {

	private static final String ROLE = "im_least_privilege";

	private TestDatabase db;

	private EngineRun run;

	@BeforeEach
	void schemaOwnedByALeastPrivilegeRole(TestDatabase db) {
		this.db = db;
		db.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "')"
				+ " THEN CREATE ROLE " + ROLE + " NOLOGIN; END IF; END $$");
		db.execute("CREATE SCHEMA im_probe; CREATE SCHEMA app AUTHORIZATION " + ROLE);
		this.run = new EngineRun(EngineSettings.defaults());
		this.run.beginMigration("2", "chats", "V2__chats.sql");
	}

	@Test
	void aRoleWithoutCreateOnTheDatabaseReconcilesAHotFixedSchema() throws SQLException {
		assertThat(this.db.query("SELECT has_database_privilege('" + ROLE + "', current_database(), 'CREATE')"))
			.containsExactly("f");
		try (Connection connection = asRole()) {
			execute(connection, """
					CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL);
					CREATE TABLE chats (id integer PRIMARY KEY, user_id integer REFERENCES users (id));
					CREATE INDEX chats_user ON chats (user_id);
					ALTER TABLE chats ADD COLUMN last_message_at timestamptz
					""");
			connection.setAutoCommit(false);

			assertThat(outcome(connection, "CREATE TABLE users (id integer PRIMARY KEY, name text NOT NULL)"))
				.isEqualTo(Outcome.SKIPPED);
			assertThat(outcome(connection,
					"CREATE TABLE chats (id integer PRIMARY KEY,"
							+ " user_id integer REFERENCES users (id), last_message_at timestamptz)"))
				.isEqualTo(Outcome.SKIPPED);
			assertThat(outcome(connection, "CREATE INDEX chats_user ON chats (user_id)")).isEqualTo(Outcome.SKIPPED);
			assertThat(outcome(connection, "ALTER TABLE chats ADD COLUMN last_message_at timestamptz"))
				.isEqualTo(Outcome.SKIPPED);
			assertThat(outcome(connection, "ALTER TABLE chats ADD CONSTRAINT chats_user_fk"
					+ " FOREIGN KEY (user_id) REFERENCES app.users (id)"))
				.isEqualTo(Outcome.APPLIED);
			assertThat(outcome(connection, "ALTER TABLE chats ADD CONSTRAINT chats_user_fk"
					+ " FOREIGN KEY (user_id) REFERENCES app.users (id)"))
				.isEqualTo(Outcome.SKIPPED);
			connection.commit();
		}
		assertThat(this.db.query("SELECT count(*) FROM pg_tables WHERE schemaname = 'im_probe'")).containsExactly("0");
	}

	private Connection asRole() throws SQLException {
		Connection connection = this.db.connect();
		execute(connection, "SET ROLE " + ROLE + "; SET search_path = app");
		return connection;
	}

	private Outcome outcome(Connection connection, String sql) {
		StatementResult result = this.run.execute(connection, sql);
		return result.outcome();
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
