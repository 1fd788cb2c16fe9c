package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session-level PostgreSQL advisory lock that serializes inspect, repair, migrate and verify across application
 * instances starting at once, so two replicas never repair the same thing concurrently. Session level, because
 * {@code CREATE INDEX CONCURRENTLY} cannot run while a transaction holds the lock. Released explicitly: a pooled
 * connection's session outlives {@code close()}.
 */
final class StartupLock implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(StartupLock.class);

    // Two-key form: first key names this starter, second the history table, so separate schemas migrate in parallel.
    private static final String KEYS = "hashtext('idempotent-migrations'), hashtext(?)";

    private final Connection session;

    private final String historyTable;

    private StartupLock(Connection session, String historyTable) {
        this.session = session;
        this.historyTable = historyTable;
    }

    static StartupLock acquire(Connection session, MigratedSchemas schemas) throws SQLException {
        String historyTable = schemas.qualifiedHistoryTable();
        if (!call(session, "SELECT pg_try_advisory_lock(" + KEYS + ")", historyTable)) {
            logger.info("Another instance is migrating {}; waiting for it to finish", historyTable);
            call(session, "SELECT pg_advisory_lock(" + KEYS + ") IS NULL", historyTable);
        }
        return new StartupLock(session, historyTable);
    }

    @Override
    public void close() throws SQLException {
        call(this.session, "SELECT pg_advisory_unlock(" + KEYS + ")", this.historyTable);
    }

    private static boolean call(Connection session, String sql, String historyTable) throws SQLException {
        try (PreparedStatement statement = session.prepareStatement(sql)) {
            statement.setString(1, historyTable);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
