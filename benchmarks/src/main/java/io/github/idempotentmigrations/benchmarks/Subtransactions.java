package io.github.idempotentmigrations.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * PostgreSQL's own view of a run's subtransactions, read on a separate connection before
 * and after it: transaction ids handed out (top-level and subtransactions draw from the
 * same counter; read from the snapshot's xmax, which hands out none), and the
 * subtransaction SLRU's row of {@code pg_stat_slru} ({@code 'subtransaction'} since
 * PostgreSQL 17, {@code 'Subtrans'} before): each subtransaction id is written to
 * {@code pg_subtrans}, one page access ({@code blks_hit}/{@code blks_read}), and a new
 * page every 2,048 ids ({@code blks_zeroed}). The SLRU counts are server-wide and flushed
 * by a backend when it exits or goes idle, so {@link #read} pauses before reading.
 */
record Subtransactions(long nextXid, long zeroed, long hit, long read, long written, String slruName) {

	private static final String SQL = "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint,"
			+ " s.name, s.blks_zeroed, s.blks_hit, s.blks_read, s.blks_written"
			+ " FROM (SELECT 1) one LEFT JOIN pg_stat_slru s ON s.name IN ('subtransaction', 'Subtrans')";

	static Subtransactions read(Connection connection, long settleMillis) throws SQLException {
		try {
			Thread.sleep(settleMillis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT pg_stat_clear_snapshot()");
			try (ResultSet rs = statement.executeQuery(SQL)) {
				rs.next();
				return new Subtransactions(rs.getLong(1), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
						rs.getString(2));
			}
		}
	}

	/** What happened between {@code before} and this reading. */
	Subtransactions since(Subtransactions before) {
		return new Subtransactions(this.nextXid - before.nextXid, this.zeroed - before.zeroed, this.hit - before.hit,
				this.read - before.read, this.written - before.written, this.slruName);
	}

	String describe() {
		return String.format(Locale.ROOT, "xids=%d %s: zeroed=%d hit=%d read=%d written=%d", this.nextXid,
				(this.slruName != null) ? this.slruName : "(no subtransaction SLRU row)", this.zeroed, this.hit,
				this.read, this.written);
	}
}
