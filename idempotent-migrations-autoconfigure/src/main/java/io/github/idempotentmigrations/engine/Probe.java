package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.github.idempotentmigrations.engine.catalog.LiveCatalog.Definition;
import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/**
 * Lets PostgreSQL itself say what a statement would build: the statement (or an {@code ALTER} action) runs against
 * a throwaway schema under a savepoint, the catalog is read, and everything is rolled back. Comparing that with
 * the real object avoids re-implementing PostgreSQL's type names, default and constraint deparsing.
 */
final class Probe {

    static final String SCHEMA = "im_probe";

    private Probe() {
    }

    /** The table the statement builds, re-pointed from its target name to the probe schema. */
    static TableDetails createdTable(Reconciliation r, String name) throws SQLException {
        ObjectName probe = new ObjectName(SCHEMA, name);
        return r.rolledBack(() -> {
            run(r, "CREATE SCHEMA " + SCHEMA + "; " + repointed(r, probe));
            return r.catalog.describe(probe);
        });
    }

    /**
     * The table a statement or {@code ALTER} action would produce when applied to an empty copy of {@code table}.
     *
     * @param dropFirst a column to remove from the copy first (one an {@code ADD COLUMN} re-creates), or null
     * @param sqlOnCopy builds the SQL to run on the copy, given the copy's quoted name
     */
    static TableDetails onEmptyCopy(Reconciliation r, ObjectName table, String dropFirst,
            Function<String, String> sqlOnCopy) throws SQLException {
        ObjectName copy = new ObjectName(SCHEMA, table.name());
        StringBuilder sql = new StringBuilder("CREATE SCHEMA ").append(SCHEMA)
            .append("; CREATE TABLE ").append(copy.toSql())
            .append(" (LIKE ").append(table.toSql())
            .append(" INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED)");
        if (dropFirst != null) {
            sql.append("; ALTER TABLE ").append(copy.toSql()).append(" DROP COLUMN ").append(ObjectName.quote(dropFirst));
        }
        sql.append("; ").append(sqlOnCopy.apply(copy.toSql()));
        return r.rolledBack(() -> {
            run(r, sql.toString());
            return r.catalog.describe(copy);
        });
    }

    /** The definition of the schema-level object the statement builds, read as the real one is read. */
    static Optional<String> createdDefinition(Reconciliation r, Definition kind, String name) throws SQLException {
        ObjectName probe = new ObjectName(SCHEMA, name);
        return r.rolledBack(() -> {
            run(r, "CREATE SCHEMA " + SCHEMA + "; " + repointed(r, probe));
            return r.catalog.definition(kind, probe).map(d -> withoutSchema(d, SCHEMA));
        });
    }

    /** The routines (identity arguments to definition) the statement builds. */
    static Map<String, String> createdRoutines(Reconciliation r, String name) throws SQLException {
        ObjectName probe = new ObjectName(SCHEMA, name);
        return r.rolledBack(() -> {
            run(r, "CREATE SCHEMA " + SCHEMA + "; " + repointed(r, probe));
            return r.catalog.routines(probe);
        });
    }

    /** A definition with {@code schema.} prefixes removed, so the probe's and the real one compare. */
    static String withoutSchema(String definition, String schema) {
        return definition.replace(ObjectName.quote(schema) + ".", "").replace(schema + ".", "");
    }

    private static String repointed(Reconciliation r, ObjectName probe) {
        return StatementRewriter.replace(r.statement.sql(), r.statement.targetSpan(), probe.toSql());
    }

    private static void run(Reconciliation r, String sql) throws SQLException {
        try (Statement statement = r.connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
