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
 * A {@code CREATE TABLE} over an existing table with every column and constraint is still
 * a different table when PostgreSQL would store or route rows differently: a partition
 * that is not attached, an UNLOGGED table, a plain table where the statement partitions,
 * another collation, a CHECK that was never validated.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class CreateTableShapeTests {

	private TestDatabase db;

	private EngineRun run;

	@BeforeEach
	void startRun(TestDatabase db) {
		this.db = db;
		this.run = new EngineRun(EngineSettings.defaults());
		this.run.beginMigration("1", "test", "V1__test.sql");
	}

	@Test
	void aPartitionIsComparedByItsParentAndBound() throws SQLException {
		this.db.execute("""
				CREATE TABLE events (id integer, at date) PARTITION BY RANGE (at);
				CREATE TABLE events_2024 (id integer, at date);
				CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
				CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');
				""");
		assertThatThrownBy(() -> inTransaction(
				"CREATE TABLE events_2024 PARTITION OF events" + " FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"))
			.hasMessageContaining("CONFLICT")
			.hasMessageContaining("not a partition of public.events");
		assertThat(inTransaction(
				"CREATE TABLE events_2025 PARTITION OF events" + " FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')")
			.outcome()).isEqualTo(Outcome.SKIPPED);
		assertThatThrownBy(() -> inTransaction(
				"CREATE TABLE events_2026 PARTITION OF events" + " FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')"))
			.hasMessageContaining("CONFLICT")
			.hasMessageContaining("2026-07-01");
	}

	@Test
	void anUnloggedTableIsNotThePermanentTableTheStatementCreates() throws SQLException {
		this.db.execute("CREATE UNLOGGED TABLE cache (k text PRIMARY KEY); CREATE UNLOGGED TABLE scratch (k text)");
		assertThatThrownBy(() -> inTransaction("CREATE TABLE cache (k text PRIMARY KEY)"))
			.hasMessageContaining("CONFLICT")
			.hasMessageContaining("UNLOGGED");
		StatementResult skipped = inTransaction("CREATE TABLE IF NOT EXISTS scratch (k text)");
		assertThat(skipped.outcome()).isEqualTo(Outcome.SKIPPED);
		assertThat(skipped.reason()).contains("warning").contains("UNLOGGED");
	}

	@Test
	void aPlainTableIsNotThePartitionedTableTheStatementCreates() throws SQLException {
		this.db.execute("CREATE TABLE logs (id integer, at date); CREATE TABLE audit (id integer, at date)"
				+ " PARTITION BY RANGE (at)");
		assertThatThrownBy(() -> inTransaction("CREATE TABLE logs (id integer, at date) PARTITION BY RANGE (at)"))
			.hasMessageContaining("CONFLICT")
			.hasMessageContaining("RANGE (at)");
		assertThatThrownBy(() -> inTransaction("CREATE TABLE audit (id integer, at date) PARTITION BY LIST (id)"))
			.hasMessageContaining("CONFLICT")
			.hasMessageContaining("LIST (id)");
		assertThat(inTransaction("CREATE TABLE audit (id integer, at date) PARTITION BY RANGE (at)").outcome())
			.isEqualTo(Outcome.SKIPPED);
	}

	@Test
	void aColumnOfAnotherCollationDiffers() {
		this.db.execute("CREATE TABLE names (n text COLLATE \"C\")");
		assertThatThrownBy(() -> inTransaction("CREATE TABLE names (n text)"))
			.isInstanceOfSatisfying(StatementRejectedException.class, (rejected) -> {
				assertThat(rejected.result().outcome()).isEqualTo(Outcome.CONFLICT);
				assertThat(rejected.result().actual()).isEqualTo("n text COLLATE \"C\"");
				assertThat(rejected.result().expected()).isEqualTo("n text");
			});
	}

	@Test
	void aCheckThatWasNeverValidatedIsValidatedAndARefusalIsTheConflict() throws SQLException {
		this.db.execute("""
				CREATE TABLE prices (p integer);
				INSERT INTO prices VALUES (5), (-1);
				ALTER TABLE prices ADD CONSTRAINT prices_p_check CHECK (p > 0) NOT VALID;
				""");
		String create = "CREATE TABLE prices (p integer CONSTRAINT prices_p_check CHECK (p > 0))";
		assertThatThrownBy(() -> inTransaction(create)).hasMessageContaining("CONFLICT")
			.hasMessageContaining("is violated by some row");

		this.db.execute("DELETE FROM prices WHERE p < 0");
		StatementResult result = inTransaction(create);
		assertThat(result.outcome()).isEqualTo(Outcome.RECONCILED);
		assertThat(result.actions())
			.containsExactly("ALTER TABLE \"public\".\"prices\" VALIDATE CONSTRAINT" + " \"prices_p_check\"");
		assertThat(this.db.query("SELECT convalidated FROM pg_constraint WHERE conname = 'prices_p_check'"))
			.containsExactly("t");
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
