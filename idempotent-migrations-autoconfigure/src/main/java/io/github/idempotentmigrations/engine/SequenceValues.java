package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The values of the sequences a migration may advance, read before the statements that may: the sequences a table
 * owns before the first {@code INSERT} into it (one small query), every sequence of the search_path's schemas before
 * any other statement that may call {@code nextval} (a {@code DO} block, a query).
 * Sequences are not transactional: a migration rolled back to its savepoint and run again would otherwise leave
 * them further on than plain Flyway does (ids of its rows included). Restoring sets back only those that moved.
 */
final class SequenceValues {

    // last_value is null for a sequence never called: it goes back to its start, not yet called. Only the schemas of
    // the search_path the migration runs with: a database of many tenant schemas would otherwise be read whole.
    private static final String READ = "SELECT format('%I.%I', schemaname, sequencename), last_value, start_value"
            + " FROM pg_sequences WHERE schemaname = ANY (current_schemas(false))"
            + " AND has_sequence_privilege(format('%I.%I', schemaname, sequencename), 'UPDATE')";

    // The sequences a table's columns own (serial, identity): all an INSERT into it advances by itself.
    private static final String READ_OWNED_BY = "SELECT format('%I.%I', s.schemaname, s.sequencename), s.last_value,"
            + " s.start_value FROM pg_depend d JOIN pg_class c ON c.oid = d.objid AND c.relkind = 'S'"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_sequences s ON s.schemaname = n.nspname AND s.sequencename = c.relname"
            + " WHERE d.refobjid = to_regclass(?) AND d.deptype IN ('a', 'i')"
            + " AND has_sequence_privilege(c.oid, 'UPDATE')";

    private final Map<String, Long[]> values;

    private SequenceValues(Map<String, Long[]> values) {
        this.values = values;
    }

    /** Every sequence of the search_path's schemas. */
    static SequenceValues read(Connection connection) throws SQLException {
        Map<String, Long[]> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(READ)) {
            collect(rs, values);
        }
        return new SequenceValues(values);
    }

    /** Adds every sequence of the search_path's schemas not read already. */
    void addAll(Connection connection) throws SQLException {
        read(connection).values.forEach(this.values::putIfAbsent);
    }

    /** Adds the sequences {@code table} owns, unless read already: before the first INSERT into it. */
    void addOwnedBy(Connection connection, String table) throws SQLException {
        Map<String, Long[]> owned = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(READ_OWNED_BY)) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                collect(rs, owned);
            }
        }
        owned.forEach(this.values::putIfAbsent);
    }

    static SequenceValues none() {
        return new SequenceValues(new LinkedHashMap<>());
    }

    private static void collect(ResultSet rs, Map<String, Long[]> values) throws SQLException {
        while (rs.next()) {
            long last = rs.getLong(2);
            Long lastValue = rs.wasNull() ? null : last;
            values.put(rs.getString(1), new Long[] { lastValue, rs.getLong(3) });
        }
    }

    /** Sets back every sequence that moved since it was read and still exists; returns how many. */
    int restore(Connection connection) throws SQLException {
        if (this.values.isEmpty()) {
            return 0;
        }
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
