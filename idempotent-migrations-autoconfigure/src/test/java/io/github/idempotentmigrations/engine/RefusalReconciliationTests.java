package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.SQLException;

import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the engine does after PostgreSQL refused a statement as "already there / already
 * gone", kind by kind, on a connection inside a transaction as Flyway's: every decision
 * is read from the live catalog after the refusal.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class RefusalReconciliationTests {

	private TestDatabase db;

	private EngineRun run;

	@BeforeEach
	void startRun(TestDatabase db) {
		this.db = db;
		this.run = new EngineRun(EngineSettings.defaults());
		this.run.beginMigration("1", "test", "V1__test.sql");
	}

	@Test
	void refusedMultiActionAlterTableIsSplitAndEachActionJudged() throws SQLException {
		this.db.execute("CREATE TABLE t (id integer PRIMARY KEY, a text, old_name text)");
		StatementResult result = inTransaction(
				"ALTER TABLE ONLY t ADD COLUMN a text, ADD COLUMN b integer," + " DROP COLUMN gone");

		assertThat(result.outcome()).isEqualTo(Outcome.RECONCILED);
		assertThat(result.actions()).containsExactly("ALTER TABLE ONLY \"public\".\"t\" ADD COLUMN b integer");
		// "missing" is gone and "old_name" is there: already done
		assertThat(inTransaction("ALTER TABLE t RENAME COLUMN missing TO old_name").outcome())
			.isEqualTo(Outcome.SKIPPED);
		assertThat(this.db.query("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute"
				+ " WHERE attrelid = 't'::regclass AND attnum > 0"))
			.containsExactly("id,a,old_name,b");
	}

	@Test
	void dropOfAListWithAnAbsentMemberDropsWhatIsThere() throws SQLException {
		this.db.execute("CREATE TABLE keep_me (id integer); CREATE TABLE drop_me (id integer)");
		StatementResult result = inTransaction("DROP TABLE drop_me, never_was");

		assertThat(result.outcome()).isEqualTo(Outcome.RECONCILED);
		assertThat(this.db.query("SELECT count(*) FROM pg_class WHERE relname IN ('drop_me', 'keep_me')"))
			.containsExactly("1");
		assertThat(inTransaction("DROP INDEX never_was_idx").outcome()).isEqualTo(Outcome.SKIPPED);
	}

	@Test
	void renameWhoseNewNameExistsIsAlreadyDone() throws SQLException {
		this.db.execute("CREATE TABLE accounts (id integer); CREATE INDEX accounts_new_idx ON accounts (id)");
		assertThat(inTransaction("ALTER TABLE old_accounts RENAME TO accounts").outcome()).isEqualTo(Outcome.SKIPPED);
		assertThat(inTransaction("ALTER INDEX accounts_old_idx RENAME TO accounts_new_idx").outcome())
			.isEqualTo(Outcome.SKIPPED);
	}

	@Test
	void enumMissingTrailingLabelsIsCompletedAndOtherLabelsConflict() throws SQLException {
		this.db.execute("CREATE TYPE mood AS ENUM ('sad', 'ok'); CREATE TYPE size AS ENUM ('s', 'xl')");
		assertThat(inTransaction("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')").outcome())
			.isEqualTo(Outcome.RECONCILED);
		assertThat(this.db.query("SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum"
				+ " WHERE enumtypid = 'mood'::regtype"))
			.containsExactly("sad,ok,happy");
		assertThatThrownBy(() -> inTransaction("CREATE TYPE size AS ENUM ('s', 'm', 'xl')"))
			.isInstanceOf(StatementRejectedException.class)
			.hasMessageContaining("CONFLICT");
	}

	@Test
	void viewsSequencesTriggersAndPoliciesAreComparedAsPostgresDescribesThem() throws SQLException {
		this.db.execute("""
				CREATE TABLE items (id integer PRIMARY KEY, price numeric);
				CREATE VIEW cheap AS SELECT id FROM items WHERE price < 10;
				CREATE SEQUENCE tickets START 100;
				CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
				CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW EXECUTE FUNCTION touch();
				CREATE POLICY items_read ON items FOR SELECT USING (true);
				""");
		assertThat(inTransaction("CREATE VIEW cheap AS SELECT id FROM items WHERE price < 10").outcome())
			.isEqualTo(Outcome.SKIPPED);
		assertThat(inTransaction("CREATE SEQUENCE tickets START 100").outcome()).isEqualTo(Outcome.SKIPPED);
		assertThat(inTransaction(
				"CREATE TRIGGER items_touch BEFORE UPDATE ON items FOR EACH ROW" + " EXECUTE FUNCTION touch()")
			.outcome()).isEqualTo(Outcome.SKIPPED);
		assertThat(inTransaction("CREATE POLICY items_read ON items FOR SELECT USING (true)").outcome())
			.isEqualTo(Outcome.SKIPPED);
		assertThatThrownBy(() -> inTransaction("CREATE VIEW cheap AS SELECT id FROM items WHERE price < 20"))
			.hasMessageContaining("CONFLICT");
		assertThatThrownBy(() -> inTransaction("CREATE SEQUENCE tickets START 1")).hasMessageContaining("CONFLICT");
	}

	@Test
	void ifNotExistsThatSkippedAColumnOfAnotherTypeIsSkippedWithTheDifferenceAsAWarning() throws SQLException {
		this.db.execute("CREATE TABLE t (id integer, amount integer)");
		assertThat(inTransaction("ALTER TABLE t ADD COLUMN IF NOT EXISTS amount integer").outcome())
			.isEqualTo(Outcome.SKIPPED);
		StatementResult other = inTransaction("ALTER TABLE t ADD COLUMN IF NOT EXISTS amount numeric(12,2)");
		assertThat(other.outcome()).isEqualTo(Outcome.SKIPPED);
		assertThat(other.object()).isEqualTo("public.t.amount");
		assertThat(other.reason()).contains("warning");
		assertThat(other.expected()).contains("numeric(12,2)");
		assertThat(other.actual()).contains("integer");
		// without IF NOT EXISTS, PostgreSQL refused: the difference stops the migration
		assertThatThrownBy(() -> inTransaction("ALTER TABLE t ADD COLUMN amount numeric(12,2)"))
			.hasMessageContaining("CONFLICT")
			.hasMessageContaining("public.t.amount");
		assertThat(inTransaction("CREATE TABLE IF NOT EXISTS t (id integer, amount integer, note text)").outcome())
			.isEqualTo(Outcome.RECONCILED);
	}

	@Test
	void ddlInsideADoBlockThatPostgresRefusesCannotBeReconciled() {
		this.db.execute("CREATE TABLE settings (id integer)");
		assertThatThrownBy(() -> inTransaction("DO $$ BEGIN CREATE TABLE settings (id integer); END $$"))
			.isInstanceOf(StatementRejectedException.class)
			.hasMessageContaining("relation \"settings\" already exists")
			.hasMessageContaining("DDL inside a DO block or dynamic SQL can only run as written");
	}

	@Test
	void anInvalidIndexLeftByAFailedConcurrentBuildIsRebuiltByTheStatementThatCreatesIt() throws SQLException {
		this.db.execute("CREATE TABLE t (code text); INSERT INTO t VALUES ('a'), ('a')");
		try (Connection connection = this.db.connect()) {
			connection.createStatement().execute("CREATE UNIQUE INDEX CONCURRENTLY t_code_key ON t (code)");
		}
		catch (SQLException expected) {
			// duplicate values: PostgreSQL leaves the index INVALID
		}
		this.db.execute("DELETE FROM t WHERE ctid = (SELECT max(ctid) FROM t)");
		StatementResult result;
		try (Connection connection = this.db.connect()) {
			result = this.run.execute(connection, "CREATE UNIQUE INDEX CONCURRENTLY t_code_key ON t (code)");
		}
		assertThat(result.outcome()).isEqualTo(Outcome.RECONCILED);
		assertThat(result.actions()).first().asString().startsWith("DROP INDEX CONCURRENTLY");
		assertThat(this.db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 't_code_key'::regclass"))
			.containsExactly("t");
	}

	@Test
	void anExistingColumnGetsTheInlineConstraintsItsAddColumnDeclares() throws SQLException {
		this.db.execute("CREATE TABLE parents (id integer PRIMARY KEY); CREATE TABLE u (id integer PRIMARY KEY,"
				+ " email text, parent_id integer)");
		assertThat(inTransaction("ALTER TABLE u ADD COLUMN email text UNIQUE").outcome()).isEqualTo(Outcome.RECONCILED);
		assertThat(inTransaction("ALTER TABLE u ADD COLUMN parent_id integer REFERENCES parents (id)").outcome())
			.isEqualTo(Outcome.RECONCILED);
		assertThat(inTransaction("ALTER TABLE u ADD COLUMN email text UNIQUE").outcome()).isEqualTo(Outcome.SKIPPED);
		assertThat(this.db.query("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'u'::regclass"
				+ " AND contype IN ('u', 'f') ORDER BY 1"))
			.containsExactly("FOREIGN KEY (parent_id) REFERENCES parents(id)", "UNIQUE (email)");
	}

	@Test
	void unnamedConstraintsOfARefusedAlterTableAreNotAddedTwice() throws SQLException {
		this.db.execute("CREATE TABLE t (a integer, b integer, c integer);"
				+ " ALTER TABLE t ADD UNIQUE (a), ADD CHECK (b > 0)");
		assertThat(inTransaction("ALTER TABLE t ADD COLUMN c integer, ADD UNIQUE (a), ADD CHECK (b > 0)").outcome())
			.isEqualTo(Outcome.SKIPPED);
		assertThat(this.db.query("SELECT count(*) FROM pg_constraint WHERE conrelid = 't'::regclass"))
			.containsExactly("2");
	}

	@Test
	void aPrimaryKeyUnderAnotherNameOrANameHeldByAnIndexIsJudgedNotAnInternalError() throws SQLException {
		this.db
			.execute("CREATE TABLE u (id integer NOT NULL, n text); ALTER TABLE u ADD CONSTRAINT u_pk PRIMARY KEY (id);"
					+ " CREATE UNIQUE INDEX u_n_key ON u (n)");
		StatementResult primaryKey = inTransaction("ALTER TABLE u ADD CONSTRAINT u_pkey PRIMARY KEY (id)");
		assertThat(primaryKey.outcome()).isEqualTo(Outcome.SKIPPED);
		assertThat(primaryKey.object()).isEqualTo("public.u.u_pk");
		assertThatThrownBy(() -> inTransaction("ALTER TABLE u ADD CONSTRAINT u_n_key UNIQUE (n)"))
			.isInstanceOf(StatementRejectedException.class)
			.hasMessageContaining("CONFLICT")
			.hasMessageContaining("public.u.u_n_key is taken by another object than a constraint");
	}

	@Test
	void aCommitAfterACommentEndsTheScriptsTransaction() throws SQLException {
		try (Connection connection = this.db.connect()) {
			connection.setAutoCommit(false);
			this.run.execute(connection, "CREATE TABLE notes (id integer)");
			this.run.execute(connection, "-- the vendor script ends its own transaction\nCOMMIT");
			assertThat(this.run.execute(connection, "INSERT INTO notes VALUES (1)").outcome())
				.isEqualTo(Outcome.APPLIED);
			connection.commit();
		}
		assertThat(this.db.query("SELECT count(*) FROM notes")).containsExactly("1");
	}

	@Test
	void setTransactionRunsWithoutASavepointAndTheScriptsOwnTransactionIsReconciled() throws SQLException {
		this.db.execute("CREATE TABLE t (id integer)");
		try (Connection connection = this.db.connect()) {
			// in Flyway's transaction: a savepoint first would make it a subtransaction,
			// which PostgreSQL refuses
			connection.setAutoCommit(false);
			assertThat(this.run.execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").outcome())
				.isEqualTo(Outcome.APPLIED);
			connection.commit();
			// in the script's own transaction on an autocommit connection
			connection.setAutoCommit(true);
			this.run.execute(connection, "BEGIN");
			assertThat(this.run.execute(connection, "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE").outcome())
				.isEqualTo(Outcome.APPLIED);
			this.run.execute(connection, "INSERT INTO t VALUES (1)");
			assertThat(this.run.execute(connection, "CREATE TABLE t (id integer)").outcome())
				.isEqualTo(Outcome.SKIPPED);
			this.run.execute(connection, "INSERT INTO t VALUES (2)");
			this.run.execute(connection, "COMMIT");
		}
		assertThat(this.db.query("SELECT count(*) FROM t")).containsExactly("2");
	}

	@Test
	void aForeignKeyToItsOwnTableIsComparedOnACopyThatHasTheTablesKeys() throws SQLException {
		this.db.execute("CREATE TABLE nodes (id integer PRIMARY KEY, parent_id integer, code text UNIQUE);"
				+ " ALTER TABLE nodes ADD CONSTRAINT nodes_parent_fk FOREIGN KEY (parent_id) REFERENCES nodes (id)");
		assertThat(inTransaction(
				"ALTER TABLE nodes ADD CONSTRAINT nodes_parent_fk FOREIGN KEY (parent_id)" + " REFERENCES nodes (id)")
			.outcome()).isEqualTo(Outcome.SKIPPED);
		assertThatThrownBy(() -> inTransaction("ALTER TABLE nodes ADD CONSTRAINT nodes_parent_fk"
				+ " FOREIGN KEY (parent_id) REFERENCES nodes (id) ON DELETE CASCADE"))
			.hasMessageContaining("CONFLICT");
		// the copy's keys are the table's own, never taken for the statement's: an
		// unnamed UNIQUE it lacks is added
		StatementResult split = inTransaction(
				"ALTER TABLE nodes ADD COLUMN parent_id integer REFERENCES nodes (id)," + " ADD UNIQUE (parent_id)");
		assertThat(split.outcome()).isEqualTo(Outcome.RECONCILED);
		assertThat(
				this.db.query("SELECT string_agg(pg_get_constraintdef(oid), '; ' ORDER BY conname) FROM pg_constraint"
						+ " WHERE conrelid = 'nodes'::regclass AND contype IN ('u', 'f')"))
			.containsExactly("UNIQUE (code); FOREIGN KEY (parent_id) REFERENCES nodes(id); UNIQUE (parent_id)");
	}

	private StatementResult inTransaction(String sql) throws SQLException {
		try (Connection connection = this.db.connect()) {
			connection.setAutoCommit(false);
			StatementResult result = this.run.execute(connection, sql);
			connection.commit();
			return result;
		}
	}

}
