package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * The catalog (columns, constraints, indexes with their validity) and every row of every table of a database,
 * history table included, as comparable text: equal snapshots before and after a failed startup prove it changed
 * nothing.
 *
 * @param catalog one line per column, constraint and index
 * @param rows one line per row, prefixed with its table
 */
public record DatabaseSnapshot(List<String> catalog, List<String> rows) {

    private static final String USER_SCHEMAS = "NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";

    private static final String CATALOG = """
            SELECT format('column %s.%s.%s %s null=%s default=%s', table_schema, table_name, column_name, data_type,
                          is_nullable, column_default)
            FROM information_schema.columns WHERE table_schema USER_SCHEMAS
            UNION ALL
            SELECT format('constraint %s.%s %s', n.nspname, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname USER_SCHEMAS
            UNION ALL
            SELECT format('index valid=%s %s', x.indisvalid, pg_get_indexdef(x.indexrelid))
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
            WHERE n.nspname USER_SCHEMAS
            ORDER BY 1
            """.replace("USER_SCHEMAS", USER_SCHEMAS);

    public static DatabaseSnapshot of(TestDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            List<String> catalog = lines(statement, CATALOG);
            List<String> rows = new ArrayList<>();
            for (String table : lines(statement, "SELECT format('%I.%I', table_schema, table_name)"
                    + " FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema "
                    + USER_SCHEMAS + " ORDER BY 1")) {
                lines(statement, "SELECT t::text FROM " + table + " t ORDER BY 1")
                    .forEach(row -> rows.add(table + " " + row));
            }
            return new DatabaseSnapshot(catalog, rows);
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not snapshot " + database.name(), ex);
        }
    }

    private static List<String> lines(Statement statement, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }
}
