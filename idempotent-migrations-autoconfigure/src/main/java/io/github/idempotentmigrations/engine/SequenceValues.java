package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values of the sequences the session may set in the schemas of its search_path, read before a migration's first
 * statement that may advance one.
 * Sequences are not transactional: a migration rolled back to its savepoint and run again would otherwise leave
 * them further on than plain Flyway does (ids of its rows included). Restoring sets back only those that moved.
 */
final class SequenceValues {

    // last_value is null for a sequence never called: it goes back to its start, not yet called. Only the schemas of
    // the search_path the migration runs with: a database of many tenant schemas would otherwise be read whole.
    private static final String READ = "SELECT format('%I.%I', schemaname, sequencename), last_value, start_value"
            + " FROM pg_sequences WHERE schemaname = ANY (current_schemas(false))"
            + " AND has_sequence_privilege(format('%I.%I', schemaname, sequencename), 'UPDATE')";

    private final Map<String, Long[]> values;

    private SequenceValues(Map<String, Long[]> values) {
        this.values = values;
    }

    static SequenceValues read(Connection connection) throws SQLException {
        Map<String, Long[]> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(READ)) {
            while (rs.next()) {
                long last = rs.getLong(2);
                values.put(rs.getString(1), new Long[] { rs.wasNull() ? null : last, rs.getLong(3) });
            }
        }
        return new SequenceValues(values);
    }

    /** Sets back every sequence that moved since it was read and still exists; returns how many. */
    int restore(Connection connection) throws SQLException {
        Map<String, Long[]> now = read(connection).values;
        StringBuilder setvals = new StringBuilder();
        int moved = 0;
        for (Map.Entry<String, Long[]> sequence : this.values.entrySet()) {
            Long[] current = now.get(sequence.getKey());
            Long before = sequence.getValue()[0];
            if (current == null || Objects.equals(current[0], before)) {
                continue;
            }
            String name = "'" + sequence.getKey().replace("'", "''") + "'";
            setvals.append((moved++ == 0) ? "SELECT " : ", ")
                .append((before != null) ? "setval(" + name + ", " + before + ", true)"
                        : "setval(" + name + ", " + sequence.getValue()[1] + ", false)");
        }
        if (moved > 0) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(setvals.toString());
            }
        }
        return moved;
    }
}
