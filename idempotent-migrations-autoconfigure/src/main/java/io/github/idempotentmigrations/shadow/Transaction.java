package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * Runs work in one transaction on a session: committed when the work returns, rolled back
 * when it throws, so that schema, rows and history change together or not at all. The
 * session keeps the autocommit mode it had.
 */
public final class Transaction {

	private Transaction() {
	}

	public static <T extends @Nullable Object> T run(Connection session, Work<T> work) throws SQLException {
		boolean autoCommit = session.getAutoCommit();
		session.setAutoCommit(false);
		try {
			T result = work.run();
			session.commit();
			return result;
		}
		catch (SQLException | RuntimeException ex) {
			session.rollback();
			throw ex;
		}
		finally {
			session.setAutoCommit(autoCommit);
		}
	}

	/** Work on the session that may fail with PostgreSQL's error. */
	@FunctionalInterface
	public interface Work<T extends @Nullable Object> {

		T run() throws SQLException;

	}

}
