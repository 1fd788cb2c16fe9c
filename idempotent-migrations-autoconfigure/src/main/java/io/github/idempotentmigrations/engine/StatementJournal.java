package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which statements of a non-transactional migration have committed, kept in a small table beside Flyway's history.
 * A migration that died half-way (a killed connection, a failed {@code CREATE INDEX CONCURRENTLY}) then resumes at
 * the statement that failed: what committed is never run again, so a data change is not applied twice. Rows of a
 * migration are removed once it succeeds; a script whose checksum changed starts over.
 */
public final class StatementJournal {

    private final String table;

    /** Whether this instance created (or found) the table already: one CREATE per migration at most. */
    private boolean tableReady;

    /**
     * @param table the journal table, quoted and qualified (beside the history table, e.g.
     * {@code "public"."flyway_schema_history_statements"})
     */
    public StatementJournal(String table) {
        this.table = table;
    }

    /** How many leading statements of this migration (this script version) committed in an earlier run. */
    int committed(Connection connection, MigrationKey migration) throws SQLException {
        if (!exists(connection)) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement("SELECT coalesce(max(statement_index), 0) FROM "
                + this.table + " WHERE migration = ? AND checksum = ?")) {
            statement.setString(1, migration.id());
            statement.setInt(2, migration.checksum());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Records that a statement committed; runs in autocommit mode, right after the statement. */
    void recordCommitted(Connection connection, MigrationKey migration, int index) throws SQLException {
        if (!this.tableReady) {
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE TABLE IF NOT EXISTS " + this.table + " (migration text NOT NULL,"
                        + " checksum integer NOT NULL, statement_index integer NOT NULL,"
                        + " committed_at timestamptz NOT NULL DEFAULT now(),"
                        + " PRIMARY KEY (migration, checksum, statement_index))");
            }
            this.tableReady = true;
        }
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.table
                + " (migration, checksum, statement_index) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")) {
            statement.setString(1, migration.id());
            statement.setInt(2, migration.checksum());
            statement.setInt(3, index);
            statement.executeUpdate();
        }
    }

    /**
     * Forgets a migration that has now completed; an empty journal is dropped, so a converged schema holds nothing
     * plain Flyway would not have built.
     */
    void forget(Connection connection, MigrationKey migration) throws SQLException {
        if (!exists(connection)) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement("DELETE FROM " + this.table
                + " WHERE migration = ?")) {
            statement.setString(1, migration.id());
            statement.executeUpdate();
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + this.table + ")")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                statement.execute("DROP TABLE " + this.table);
            }
        }
    }

    private boolean exists(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            statement.setString(1, this.table);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * A migration as the journal knows it.
     *
     * @param id its version, or its script for a repeatable migration
     * @param checksum the script's checksum (0 when Flyway has none)
     */
    public record MigrationKey(String id, int checksum) {
    }
}
