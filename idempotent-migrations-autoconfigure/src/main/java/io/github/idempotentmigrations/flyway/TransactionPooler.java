package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import org.springframework.boot.jdbc.DataSourceBuilder;

/**
 * Tells whether Flyway's connection reaches PostgreSQL through a pooler in transaction
 * mode (PgBouncer, Supavisor, pgcat): there one connection's transactions run on changing
 * server sessions, so a session advisory lock, a {@code SET} and the session's own waits
 * do not stay with it. Observed, never assumed: any answer that says "pooled" was seen on
 * PostgreSQL itself.
 */
final class TransactionPooler {

	static final String ANALYSIS = "Flyway's connection goes through a connection pooler in transaction mode"
			+ " (PgBouncer with pool_mode=transaction, Supavisor, pgcat...): one connection's transactions ran on"
			+ " different PostgreSQL sessions. Migrating needs one session: the advisory locks that keep two instances"
			+ " from migrating at once, the lock_timeout and the waits of CREATE INDEX CONCURRENTLY belong to a"
			+ " session, and a pooler lists no temporary shadow database. Nothing was changed";

	// A round misses only when another client takes the released server session first, or
	// the pooler hands idle sessions out round robin (PgBouncer reuses the last released
	// one by default).
	private static final int ROUNDS = 3;

	private TransactionPooler() {
	}

	/** {@code session} is in autocommit mode; it is left as it was. */
	static boolean between(Connection session, DataSource dataSource) throws SQLException {
		// A transaction pooler cannot hand out PostgreSQL's own cancel key (the server
		// behind it changes): one equal to the session's pid means a direct connection,
		// or a session that stays on one server.
		if (session.isWrapperFor(PGConnection.class)
				&& session.unwrap(PGConnection.class).getBackendPID() == backendPid(session)) {
			return false;
		}
		try (Connection other = another(dataSource)) {
			other.setAutoCommit(false);
			for (int round = 0; round < ROUNDS; round++) {
				int before = backendPid(session);
				// The other connection's open transaction holds a server session; a
				// pooler in session mode never gives it ours, and never moves ours.
				int held = backendPid(other);
				boolean moved = held == before || backendPid(session) != before;
				other.rollback();
				if (moved) {
					return true;
				}
			}
			return false;
		}
	}

	/**
	 * A plain connection beside the pool, so a pool of one connection cannot make the
	 * check wait.
	 */
	private static Connection another(DataSource dataSource) throws SQLException {
		DataSource plain;
		try {
			plain = DataSourceBuilder.derivedFrom(dataSource).type(PGSimpleDataSource.class).build();
		}
		catch (RuntimeException notDerivable) {
			plain = dataSource;
		}
		return plain.getConnection();
	}

	private static int backendPid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			return rs.getInt(1);
		}
	}

}
