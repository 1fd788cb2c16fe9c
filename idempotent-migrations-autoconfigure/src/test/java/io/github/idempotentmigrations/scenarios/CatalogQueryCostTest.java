package io.github.idempotentmigrations.scenarios;

import java.sql.Connection;
import java.sql.SQLException;

import io.github.idempotentmigrations.engine.EngineRun;
import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.IdempotentEngine;
import io.github.idempotentmigrations.engine.RunOptions;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's cost in catalog queries: one snapshot of schema-level objects, then one query per pre-existing table
 * it needs to look into; never one query per statement for objects that are simply absent, and none for tables the
 * run created itself.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class CatalogQueryCostTest {

    private static final int TABLES = 20;

    @Test
    void emptySchemaCostsOneSnapshotForTheWholeRun(TestDatabase db) throws SQLException {
        EngineRun run = new IdempotentEngine(EngineSettings.defaults()).startRun(RunOptions.defaults());
        run.beginMigration("1", "cost", "V1__cost.sql");
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < TABLES; i++) {
                assertThat(run.execute(connection, "CREATE TABLE t" + i + " (id integer PRIMARY KEY, v text)").outcome())
                    .isEqualTo(Outcome.APPLIED);
            }
            assertThat(run.catalogQueries()).as("after %s CREATE TABLE", TABLES).isLessThanOrEqualTo(1);
            for (int i = 0; i < TABLES; i++) {
                assertThat(run.execute(connection, "CREATE INDEX ix" + i + " ON t" + i + " (v)").outcome())
                    .isEqualTo(Outcome.APPLIED);
            }
            connection.commit();
        }
        // the run follows the tables it created itself: building indexes on them needs no catalog query
        assertThat(run.catalogQueries()).as("after %s CREATE TABLE and %s CREATE INDEX", TABLES, TABLES)
            .isLessThanOrEqualTo(1);
    }

    @Test
    void absentSchemaLevelObjectsCostNoQueryEach(TestDatabase db) throws SQLException {
        EngineRun run = new IdempotentEngine(EngineSettings.defaults()).startRun(RunOptions.defaults());
        run.beginMigration("1", "cost", "V1__cost.sql");
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < TABLES; i++) {
                run.execute(connection, "CREATE SEQUENCE s" + i);
                run.execute(connection, "CREATE TYPE e" + i + " AS ENUM ('a', 'b')");
            }
            connection.commit();
        }
        // CREATE SCHEMA is left out on purpose: the engine re-reads the catalog after one, since a new schema can
        // change what current_schema() resolves to (search_path "$user") or hold embedded objects
        assertThat(run.catalogQueries()).as("after %s absent sequences and enums", 2 * TABLES)
            .isLessThanOrEqualTo(1);
    }

    @Test
    void rerunOnAPresentSchemaStaysBoundedPerTable(TestDatabase db) throws SQLException {
        StringBuilder ddl = new StringBuilder();
        for (int i = 0; i < TABLES; i++) {
            ddl.append("CREATE TABLE t").append(i).append(" (id integer PRIMARY KEY, v text);")
                .append("CREATE INDEX ix").append(i).append(" ON t").append(i).append(" (v);");
        }
        db.execute(ddl.toString());
        EngineRun run = new IdempotentEngine(EngineSettings.defaults()).startRun(RunOptions.defaults());
        run.beginMigration("1", "cost", "V1__cost.sql");
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            for (int i = 0; i < TABLES; i++) {
                assertThat(run.execute(connection, "CREATE TABLE t" + i + " (id integer PRIMARY KEY, v text)").outcome())
                    .isEqualTo(Outcome.SKIPPED);
                assertThat(run.execute(connection, "CREATE INDEX ix" + i + " ON t" + i + " (v)").outcome())
                    .isEqualTo(Outcome.SKIPPED);
            }
            connection.commit();
        }
        // per table: its details once, plus what PostgreSQL itself says the statements would build (the probes)
        assertThat(run.catalogQueries()).isLessThanOrEqualTo(1 + 3 * TABLES);
    }
}
