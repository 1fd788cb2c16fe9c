package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many rows the tables of a snapshot hold: the trace data statements leave that a catalog does not show. */
final class RowCounts {

    private RowCounts() {
    }

    /** Rows of every table of the snapshot (for a shadow: small, built by the migrations alone). */
    static Map<String, Long> of(Connection connection, SchemaSnapshot snapshot) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SchemaObject table : snapshot.objects()) {
            if (table.kind() == ObjectKind.ROWS) {
                counts.put(table.name(), atMost(connection, table.name(), Long.MAX_VALUE));
            }
        }
        return counts;
    }

    /** Rows of {@code table}, counted no further than {@code limit}: a large live table is not scanned. */
    static long atMost(Connection connection, String table, long limit) throws SQLException {
        String sql = "SELECT count(*) FROM (SELECT 1 FROM " + table
                + ((limit == Long.MAX_VALUE) ? "" : " LIMIT " + limit) + ") rows";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
