package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * Opens a connection, waiting for a database that is still starting (a container, a
 * fail-over) with exponential backoff until a deadline. Only "cannot connect" errors
 * (SQLSTATE class 08) are retried: a wrong password or a missing database will not fix
 * itself.
 */
final class DatabaseWaiter {

	private final Duration timeout;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	DatabaseWaiter(Duration timeout, Duration initialBackoff, Duration maxBackoff) {
		this.timeout = timeout;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
	}

	Connection connect(DataSource dataSource, StartupReport report) {
		DatabaseTarget target = DatabaseTarget.of(dataSource);
		long deadline = System.nanoTime() + this.timeout.toNanos();
		Duration backoff = this.initialBackoff;
		int attempts = 0;
		while (true) {
			attempts++;
			try {
				return dataSource.getConnection();
			}
			catch (SQLException ex) {
				if (!isConnectionFailure(ex)) {
					throw report
						.fail("Cannot open a connection to the database (" + target + "): " + innermostMessage(ex), ex);
				}
				long remaining = deadline - System.nanoTime();
				if (remaining <= 0) {
					throw report.fail("The database is unreachable (" + target + "): no connection after " + attempts
							+ " attempts in " + this.timeout.toSeconds() + "s (idempotent-migrations"
							+ ".connect.timeout). Last error: " + innermostMessage(ex), ex);
				}
				sleep(Math.min(backoff.toNanos(), remaining), report);
				backoff = min(backoff.multipliedBy(2), this.maxBackoff);
			}
		}
	}

	private static boolean isConnectionFailure(SQLException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Connection pools wrap the driver's error in one of their own; the driver's says
	 * what is wrong.
	 */
	private static String innermostMessage(SQLException ex) {
		String message = ex.getMessage();
		for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException && cause.getMessage() != null) {
				message = cause.getMessage();
			}
		}
		return message;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	private static void sleep(long nanos, StartupReport report) {
		try {
			TimeUnit.NANOSECONDS.sleep(nanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw report.fail("Interrupted while waiting for the database", ex);
		}
	}

}
