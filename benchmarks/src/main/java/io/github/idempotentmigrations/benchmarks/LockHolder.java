package io.github.idempotentmigrations.benchmarks;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;

/**
 * A second session that holds a lock on a table for a while in an open transaction (a
 * long report, a forgotten transaction): {@code ACCESS SHARE} by default, which the
 * application's reads and writes never wait for, and which an {@code ALTER TABLE} must
 * wait for, queueing every later query on the table behind it.
 */
final class LockHolder {

	private final Thread thread;

	private final CountDownLatch taken = new CountDownLatch(1);

	private volatile long releasedAt;

	private volatile SQLException failure;

	LockHolder(Connection connection, String table, String mode, long holdMillis) {
		this.thread = new Thread(() -> {
			try (connection; Statement statement = connection.createStatement()) {
				connection.setAutoCommit(false);
				statement.execute("SET application_name = 'benchmark lock holder'");
				statement.execute("LOCK TABLE " + table + " IN " + mode + " MODE");
				this.taken.countDown();
				Thread.sleep(holdMillis);
				connection.commit();
				this.releasedAt = System.nanoTime();
			}
			catch (SQLException ex) {
				this.failure = ex;
				this.taken.countDown();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "lock-holder");
		this.thread.setDaemon(true);
	}

	/** Starts the session and returns once it holds the lock. */
	void take() throws SQLException, InterruptedException {
		this.thread.start();
		this.taken.await();
		if (this.failure != null) {
			throw this.failure;
		}
	}

	/** Waits until the lock is released; returns when (System.nanoTime). */
	long awaitRelease() throws InterruptedException {
		this.thread.join();
		return this.releasedAt;
	}

}
