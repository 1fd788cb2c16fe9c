package io.github.idempotentmigrations.scenarios;

import java.sql.Connection;
import java.sql.SQLException;

import io.github.idempotentmigrations.engine.EngineRun;
import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements on a table the run created run as written without asking the catalog, yet
 * stay idempotent: a change the run already made to that table is still found and
 * skipped.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class TablesCreatedByTheRunTests {

	@Test
	void aColumnTheRunAlreadyAddedIsSkippedNotAddedTwice(TestDatabase db) throws SQLException {
		EngineRun run = new EngineRun(EngineSettings.defaults());
		run.beginMigration("1", "created", "V1__created.sql");
		try (Connection connection = db.connect()) {
			connection.setAutoCommit(false);
			assertThat(run.execute(connection, "CREATE TABLE notes (id integer PRIMARY KEY, a text)").outcome())
				.isEqualTo(Outcome.APPLIED);
			// 'a' exists, so this statement leaves the fast path; 'b' is added on the
			// full one
			assertThat(run.execute(connection, "ALTER TABLE notes ADD COLUMN a text, ADD COLUMN b integer").outcome())
				.isEqualTo(Outcome.RECONCILED);
			assertThat(run.execute(connection, "ALTER TABLE notes ADD COLUMN b integer").outcome())
				.isEqualTo(Outcome.SKIPPED);
			assertThat(run.execute(connection, "ALTER TABLE notes ADD COLUMN c integer").outcome())
				.isEqualTo(Outcome.APPLIED);
			connection.commit();
		}
		assertThat(ScenarioFlyway.query(db, "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute"
				+ " WHERE attrelid = 'notes'::regclass AND attnum > 0"))
			.containsExactly("id,a,b,c");
	}

}
