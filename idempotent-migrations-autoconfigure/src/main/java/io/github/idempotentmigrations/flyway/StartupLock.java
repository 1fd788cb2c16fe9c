package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import io.github.idempotentmigrations.engine.sql.ObjectName;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A session-level PostgreSQL advisory lock that serializes inspect, repair, migrate and
 * verify across application instances starting at once, so two replicas never repair the
 * same thing concurrently. Session level, because {@code CREATE INDEX CONCURRENTLY}
 * cannot run while a transaction holds the lock. Released explicitly: a pooled
 * connection's session outlives {@code close()}.
 */
public final class StartupLock implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(StartupLock.class);

	// Two-key form: first key names this starter, second the history table, so separate
	// schemas migrate in parallel.
	private static final String KEYS = "hashtext('idempotent-migrations'), hashtext(?)";

	private static final long POLL_INTERVAL_MILLIS = 250;

	private final Connection session;

	private final String historyTable;

	private StartupLock(Connection session, String historyTable) {
		this.session = session;
		this.historyTable = historyTable;
	}

	static StartupLock acquire(Connection session, MigratedSchemas schemas) throws SQLException {
		String historyTable = schemas.qualifiedHistoryTable();
		// Polls rather than blocking in pg_advisory_lock: a waiting statement holds a
		// snapshot, and the holder's CREATE INDEX CONCURRENTLY waits for every such
		// snapshot, which PostgreSQL reports as a deadlock.
		boolean logged = false;
		while (!call(session, "SELECT pg_try_advisory_lock(" + KEYS + ")", historyTable)) {
			if (!logged) {
				logger.info("Another instance is migrating " + historyTable + "; waiting for it to finish");
				logged = true;
			}
			pause();
		}
		return new StartupLock(session, historyTable);
	}

	private static void pause() throws SQLException {
		try {
			TimeUnit.MILLISECONDS.sleep(POLL_INTERVAL_MILLIS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted while waiting for another instance to finish migrating", ex);
		}
	}

	/**
	 * Takes the startup lock of {@code historyTable} until the session's transaction
	 * ends, unless an instance holds it: false while one is inspecting, repairing or
	 * migrating its schemas, so what the transaction reads is not what that instance is
	 * changing.
	 */
	public static boolean takeForTransaction(Connection session, ObjectName historyTable) throws SQLException {
		return call(session, "SELECT pg_try_advisory_xact_lock(" + KEYS + ")", historyTable.toSql());
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
