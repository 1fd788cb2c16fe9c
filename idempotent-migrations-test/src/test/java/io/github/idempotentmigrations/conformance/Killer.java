package io.github.idempotentmigrations.conformance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * Another session that waits until a migration run has begun (its history table is
 * visible), waits a chosen time more, then terminates every other session of the
 * database, as a crashed pod or a failover does.
 */
final class Killer implements AutoCloseable {

	private static final String STARTED = "SELECT to_regclass('flyway_schema_history') IS NOT NULL";

	private static final String KILL = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
			+ " WHERE datname = current_database() AND pid <> pg_backend_pid()";

	private static final long POLL_MILLIS = 2;

	private final AtomicBoolean runEnded = new AtomicBoolean();

	private final CompletableFuture<Integer> killed;

	private Killer(TestDatabase database, long delayMillis) {
		this.killed = CompletableFuture.supplyAsync(() -> killAfter(database, delayMillis));
	}

	/**
	 * Starts watching {@code database}; the kill comes {@code delayMillis} after the run
	 * began.
	 */
	static Killer watch(TestDatabase database, long delayMillis) {
		return new Killer(database, delayMillis);
	}

	/**
	 * Tells the killer the run is over; returns how many sessions it terminated (0: the
	 * run ended first).
	 */
	int runEnded() {
		this.runEnded.set(true);
		return this.killed.join();
	}

	@Override
	public void close() {
		runEnded();
	}

	private int killAfter(TestDatabase database, long delayMillis) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			while (!this.runEnded.get() && !answer(statement, STARTED).equals("t")) {
				Thread.sleep(POLL_MILLIS);
			}
			long until = System.nanoTime() + delayMillis * 1_000_000;
			while (!this.runEnded.get() && System.nanoTime() < until) {
				Thread.sleep(Math.min(POLL_MILLIS, Math.max(0, (until - System.nanoTime()) / 1_000_000)));
			}
			return this.runEnded.get() ? 0 : Integer.parseInt(answer(statement, KILL));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("The killing session failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	private static String answer(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
