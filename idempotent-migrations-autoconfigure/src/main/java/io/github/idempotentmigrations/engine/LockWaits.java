package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * Short lock waits, retried: a statement that waits for a lock queues every later query
 * on its table behind it, so PostgreSQL gives up after {@code lock_timeout}; the
 * migration is rolled back to its savepoint (releasing every lock it took) and tried
 * again after a jittered, growing pause, a bounded number of times.
 *
 * @param retries how many times a migration is tried again after a lock wait timed out
 * @param initialBackoff the pause before the first retry; each later one doubles, up to
 * 16 times this
 */
public record LockWaits(int retries, Duration initialBackoff) {

	static final String LOCK_NOT_AVAILABLE = "55P03";

	/** What pg_stat_activity shows of another role's query to this one. */
	private static final String HIDDEN = "<insufficient privilege>";

	/** No retry: the first timed-out lock wait fails the statement. */
	public static LockWaits none() {
		return new LockWaits(0, Duration.ZERO);
	}

	/**
	 * The pause before retry {@code attempt} (1-based): full jitter over a doubling
	 * ceiling.
	 */
	Duration pauseBefore(int attempt) {
		long ceiling = this.initialBackoff.toMillis() << Math.min(attempt - 1, 4);
		return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
	}

	static boolean timedOut(@Nullable SQLException refusal) {
		return refusal != null && LOCK_NOT_AVAILABLE.equals(refusal.getSQLState());
	}

	/**
	 * The sessions holding a lock on {@code relation} (or, when it is not known, any
	 * relation lock of this database), for people: pid, role and application (or the kind
	 * of server process, such as an autovacuum worker), whether it is a parallel worker
	 * or building an index, state, transaction age, query; a prepared transaction (no
	 * session) by its name. Another role's state and query are hidden from this one
	 * unless it may read all statistics: said so, not printed as nulls.
	 */
	static List<String> holders(Connection connection, @Nullable String relation) {
		String sql = "SELECT DISTINCT l.pid, a.usename, a.application_name, a.backend_type, a.leader_pid,"
				+ " EXISTS (SELECT 1 FROM pg_stat_progress_create_index p WHERE p.pid = l.pid), a.state,"
				+ " date_trunc('second', clock_timestamp() - a.xact_start), left(a.query, 200), x.gid, x.owner,"
				+ " date_trunc('second', clock_timestamp() - x.prepared)"
				+ " FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
				// a prepared transaction's locks have no pid; it holds its own id's lock
				+ " LEFT JOIN pg_locks t ON l.pid IS NULL AND t.pid IS NULL AND t.locktype = 'transactionid'"
				+ " AND t.virtualtransaction = l.virtualtransaction"
				+ " LEFT JOIN pg_prepared_xacts x ON x.transaction = t.transactionid"
				+ " WHERE l.granted AND l.locktype = 'relation' AND l.pid IS DISTINCT FROM pg_backend_pid()"
				+ " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
				+ ((relation != null) ? " AND l.relation = to_regclass(?)" : "") + " ORDER BY l.pid NULLS LAST";
		List<String> holders = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			if (relation != null) {
				statement.setString(1, relation);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					holders.add((rs.getObject(1) != null) ? session(rs) : preparedTransaction(rs));
				}
			}
		}
		catch (SQLException ex) {
			holders.add("(the holders could not be read: " + ex.getMessage() + ")");
		}
		return holders;
	}

	private static String session(ResultSet rs) throws SQLException {
		int pid = rs.getInt(1);
		StringBuilder holder = new StringBuilder("pid ").append(pid).append(" (");
		if (rs.getString(2) != null) {
			holder.append("role ")
				.append(rs.getString(2))
				.append(", application '")
				.append(rs.getString(3))
				.append("'");
		}
		else {
			// another role sees neither the role nor the kind of PostgreSQL's own
			// processes
			holder
				.append((rs.getString(4) != null) ? rs.getString(4) : "a server process, such as an autovacuum worker");
		}
		int leader = rs.getInt(5);
		if (!rs.wasNull() && leader != pid) {
			holder.append(", parallel worker of pid ").append(leader);
		}
		if (rs.getBoolean(6)) {
			holder.append(", building an index");
		}
		String query = rs.getString(9);
		if (HIDDEN.equals(query)) {
			return holder.append("): its state and query are hidden from this role").toString();
		}
		String state = rs.getString(7);
		if (state != null) {
			holder.append(", ").append(state);
		}
		String transactionAge = rs.getString(8);
		if (transactionAge != null) {
			holder.append(", transaction open for ").append(transactionAge);
		}
		holder.append(")");
		return (query != null && !query.isEmpty()) ? holder.append(": ").append(query).toString() : holder.toString();
	}

	private static String preparedTransaction(ResultSet rs) throws SQLException {
		if (rs.getString(10) == null) {
			return "a lock without a session";
		}
		return "prepared transaction '" + rs.getString(10) + "' (role " + rs.getString(11) + ", prepared "
				+ rs.getString(12) + " ago): COMMIT PREPARED or ROLLBACK PREPARED ends it";
	}

	static void pause(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting to retry a lock wait", ex);
		}
	}
}
