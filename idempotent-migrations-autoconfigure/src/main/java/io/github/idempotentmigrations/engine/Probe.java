package io.github.idempotentmigrations.engine;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Function;

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

    /** What the statement builds, re-pointed from its target name to the probe schema. */
    static TableDetails createdTable(StatementExecution execution, String name) throws SQLException {
        ObjectName probe = new ObjectName(SCHEMA, name);
        String sql = StatementRewriter.replace(execution.statement.sql(), execution.statement.targetSpan(),
                probe.toSql());
        return execution.rolledBack(() -> {
            run(execution, "CREATE SCHEMA " + SCHEMA + "; " + sql);
            return execution.catalog.describeUncached(execution.connection, probe);
        });
    }

    /**
     * The table a statement or {@code ALTER} action would produce when applied to an empty copy of {@code table}.
     *
     * @param dropFirst a column to remove from the copy first (one an {@code ADD COLUMN} re-creates), or null
     * @param sqlOnCopy builds the SQL to run on the copy, given the copy's quoted name
     */
    static TableDetails onEmptyCopy(StatementExecution execution, ObjectName table, String dropFirst,
            Function<String, String> sqlOnCopy) throws SQLException {
        ObjectName copy = new ObjectName(SCHEMA, table.name());
        StringBuilder sql = new StringBuilder("CREATE SCHEMA ").append(SCHEMA)
            .append("; CREATE TABLE ").append(copy.toSql())
            .append(" (LIKE ").append(table.toSql()).append(" INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING GENERATED)");
        if (dropFirst != null) {
            sql.append("; ALTER TABLE ").append(copy.toSql()).append(" DROP COLUMN ").append(ObjectName.quote(dropFirst));
        }
        sql.append("; ").append(sqlOnCopy.apply(copy.toSql()));
        return execution.rolledBack(() -> {
            run(execution, sql.toString());
            return execution.catalog.describeUncached(execution.connection, copy);
        });
    }

    /**
     * A fingerprint of a schema-level object (type, view, function) that the statement, re-pointed to the probe
     * schema, would build; compare with {@link #fingerprint} of the real one.
     */
    static String createdObjectFingerprint(StatementExecution execution, ObjectFingerprint kind, String name)
            throws SQLException {
        ObjectName probe = new ObjectName(SCHEMA, name);
        String sql = StatementRewriter.replace(execution.statement.sql(), execution.statement.targetSpan(),
                probe.toSql());
        return execution.rolledBack(() -> {
            run(execution, "CREATE SCHEMA " + SCHEMA + "; " + sql);
            return fingerprint(execution, kind, probe);
        });
    }

    static String fingerprint(StatementExecution execution, ObjectFingerprint kind, ObjectName qualified)
            throws SQLException {
        try (PreparedStatement statement = execution.connection.prepareStatement(kind.sql)) {
            statement.setString(1, qualified.schema());
            statement.setString(2, qualified.name());
            try (ResultSet rs = statement.executeQuery()) {
                String value = rs.next() ? rs.getString(1) : null;
                return (value != null) ? value.replace(SCHEMA + ".", "").replace(qualified.schema() + ".", "")
                        : null;
            }
        }
    }

    private static void run(StatementExecution execution, String sql) throws SQLException {
        try (var statement = execution.connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Catalog descriptions of schema-level objects, independent of the schema they live in. {@code "char"} columns
     * are cast to text before {@code ||}: PostgreSQL finds {@code "char" || unknown} ambiguous.
     */
    enum ObjectFingerprint {
        COMPOSITE_TYPE("""
                SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum)
                  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                  JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped
                 WHERE n.nspname = ? AND t.typname = ?"""),
        DOMAIN("""
                SELECT concat_ws(' ', format_type(t.typbasetype, t.typtypmod), CASE WHEN t.typnotnull THEN 'NOT NULL' END,
                       'DEFAULT ' || t.typdefault,
                       (SELECT string_agg(pg_get_constraintdef(c.oid), ' ' ORDER BY pg_get_constraintdef(c.oid))
                          FROM pg_constraint c WHERE c.contypid = t.oid))
                  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE n.nspname = ? AND t.typname = ? AND t.typtype = 'd'"""),
        OTHER_TYPE("""
                SELECT t.typtype::text || ' ' || coalesce((SELECT format_type(r.rngsubtype, NULL) FROM pg_range r
                                                     WHERE r.rngtypid = t.oid), '')
                  FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                 WHERE n.nspname = ? AND t.typname = ?"""),
        VIEW("""
                SELECT c.relkind::text || ' ' || pg_get_viewdef(c.oid)
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('v', 'm')"""),
        FUNCTION("""
                SELECT string_agg(p.prokind::text || ' ' || pg_get_function_identity_arguments(p.oid) || ' '
                                  || coalesce(pg_get_function_result(p.oid), '') || ' ' || md5(p.prosrc),
                                  ', ' ORDER BY pg_get_function_identity_arguments(p.oid))
                  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                 WHERE n.nspname = ? AND p.proname = ?""");

        private final String sql;

        ObjectFingerprint(String sql) {
            this.sql = sql;
        }
    }
}
