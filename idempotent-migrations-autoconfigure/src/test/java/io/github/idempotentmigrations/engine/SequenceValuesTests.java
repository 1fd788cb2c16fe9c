package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.Statement;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresDatabaseExtension.class)
/**
 * A sequence the rolled-back attempt advanced is set back to the state it had,
 * never-called included.
 */
class SequenceValuesTests {

	@Test
	void restoresASequenceThatWasNeverCalled(TestDatabase db) throws Exception {
		db.execute("CREATE TABLE log (id serial PRIMARY KEY, msg text)");
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			SequenceValues before = new SequenceValues();
			before.addDrawnByInsertInto(connection, "log");
			statement.execute("INSERT INTO log (msg) VALUES ('x')");
			assertThat(before.restore(connection)).isEqualTo(1);
			connection.commit();
		}
		assertThat(db.query("SELECT coalesce(last_value::text, 'NULL') FROM pg_sequences")).containsExactly("NULL");
	}

	@Test
	void leavesASequenceAnotherSessionDrewFromSince(TestDatabase db) throws Exception {
		db.execute("CREATE TABLE log (id serial PRIMARY KEY, msg text)");
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			SequenceValues before = new SequenceValues();
			before.addDrawnByInsertInto(connection, "log");
			statement.execute("INSERT INTO log (msg) VALUES ('mine')");
			// id 2, committed
			db.execute("INSERT INTO log (msg) VALUES ('the application''s')");
			before.restore(connection);
			connection.rollback();
		}
		// set back, id 2 would be handed out again
		assertThat(db.query("SELECT nextval('log_id_seq')")).containsExactly("3");
	}

}
