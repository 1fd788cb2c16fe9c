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
 * The engine reads the catalog only after PostgreSQL refused a statement (or skipped it
 * under IF NOT EXISTS): a run over an empty schema costs no catalog query at all, and a
 * statement whose object exists costs a bounded number of reads of that one object,
 * however large the schema.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class CatalogQueryCostTests {

	private static final int TABLES = 20;

	/**
	 * Reads per refused CREATE TABLE or CREATE INDEX: resolve the name, read the object,
	 * read the probe.
	 */
	private static final int READS_PER_REFUSED_STATEMENT = 5;

	@Test
	void emptySchemaCostsNoCatalogQuery(TestDatabase db) throws SQLException {
		EngineRun run = new EngineRun(EngineSettings.defaults());
		run.beginMigration("1", "cost", "V1__cost.sql");
		try (Connection connection = db.connect()) {
			connection.setAutoCommit(false);
			for (int i = 0; i < TABLES; i++) {
				assertThat(
						run.execute(connection, "CREATE TABLE t" + i + " (id integer PRIMARY KEY, v text)").outcome())
					.isEqualTo(Outcome.APPLIED);
				assertThat(run.execute(connection, "CREATE INDEX ix" + i + " ON t" + i + " (v)").outcome())
					.isEqualTo(Outcome.APPLIED);
				run.execute(connection, "CREATE SEQUENCE s" + i);
				run.execute(connection, "CREATE TYPE e" + i + " AS ENUM ('a', 'b')");
				run.execute(connection, "CREATE SCHEMA sc" + i);
			}
			connection.commit();
		}
		assertThat(run.catalogQueries()).as("after %s tables, indexes, sequences, enums, schemas", TABLES).isZero();
	}

	@Test
	void presentObjectsCostBoundedReadsEach(TestDatabase db) throws SQLException {
		StringBuilder ddl = new StringBuilder();
		for (int i = 0; i < TABLES; i++) {
			ddl.append("CREATE TABLE t")
				.append(i)
				.append(" (id integer PRIMARY KEY, v text);")
				.append("CREATE INDEX ix")
				.append(i)
				.append(" ON t")
				.append(i)
				.append(" (v);");
		}
		db.execute(ddl.toString());
		EngineRun run = new EngineRun(EngineSettings.defaults());
		run.beginMigration("1", "cost", "V1__cost.sql");
		try (Connection connection = db.connect()) {
			connection.setAutoCommit(false);
			for (int i = 0; i < TABLES; i++) {
				assertThat(
						run.execute(connection, "CREATE TABLE t" + i + " (id integer PRIMARY KEY, v text)").outcome())
					.isEqualTo(Outcome.SKIPPED);
				assertThat(run.execute(connection, "CREATE INDEX ix" + i + " ON t" + i + " (v)").outcome())
					.isEqualTo(Outcome.SKIPPED);
			}
			connection.commit();
		}
		assertThat(run.catalogQueries()).isLessThanOrEqualTo(READS_PER_REFUSED_STATEMENT * 2 * TABLES);
	}

}
