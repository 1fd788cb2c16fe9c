package io.github.idempotentmigrations.javamigration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * Columns, constraints, indexes, types and enum labels of the user schemas, and every row of every table except
 * Flyway's history, as comparable text.
 */
record CatalogSnapshot(List<String> catalog, List<String> rows) {

    private static final String USER_SCHEMAS = "NOT IN ('pg_catalog', 'information_schema', 'pg_toast')";

    private static final String CATALOG = """
            SELECT format('column %s.%s.%s %s null=%s default=%s', table_schema, table_name, column_name, data_type,
                          is_nullable, column_default)
            FROM information_schema.columns WHERE table_schema SCHEMAS AND table_name <> 'flyway_schema_history'
            UNION ALL
            SELECT format('constraint %s.%s.%s %s', n.nspname, r.relname, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace JOIN pg_class r ON r.oid = c.conrelid
            WHERE n.nspname SCHEMAS AND r.relname <> 'flyway_schema_history'
            UNION ALL
            SELECT format('index valid=%s %s', x.indisvalid, pg_get_indexdef(x.indexrelid))
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
            JOIN pg_class r ON r.oid = x.indrelid WHERE n.nspname SCHEMAS AND r.relname <> 'flyway_schema_history'
            UNION ALL
            SELECT format('enum %s.%s %s', n.nspname, t.typname, e.enumlabel)
            FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
            ORDER BY 1
            """.replace("SCHEMAS", USER_SCHEMAS);

    static CatalogSnapshot of(TestDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            List<String> catalog = lines(statement, CATALOG);
            List<String> rows = new ArrayList<>();
            for (String table : lines(statement, "SELECT format('%I.%I', table_schema, table_name)"
                    + " FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema "
                    + USER_SCHEMAS + " AND table_name <> 'flyway_schema_history' ORDER BY 1")) {
                lines(statement, "SELECT t::text FROM " + table + " t ORDER BY 1")
                    .forEach(row -> rows.add(table + " " + row));
            }
            return new CatalogSnapshot(catalog, rows);
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
