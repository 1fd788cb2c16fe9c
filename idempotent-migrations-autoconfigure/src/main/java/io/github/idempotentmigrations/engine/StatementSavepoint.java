package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

/**
 * Sends statements so that a refusal leaves the migration's transaction usable: inside a
 * transaction (Flyway's, or one the script opened itself) each statement goes out in the
 * same round trip as a savepoint ({@code RELEASE} of the previous one included), and only
 * a refusal costs a second round trip, the {@code ROLLBACK TO SAVEPOINT}. Outside a
 * transaction (a non-transactional migration) statements are sent alone: nothing can be
 * rolled back, and {@code CONCURRENTLY} needs it so; so are the statements
 * {@link SentAsWritten} names.
 */
final class StatementSavepoint {

	private static final String NAME = "idempotent_migrations_statement";

	/**
	 * Whether {@link #NAME} exists in the current transaction, so the next send releases
	 * it first.
	 */
	private boolean open;

	/**
	 * A new transaction (a migration began, or the script ended one itself): no savepoint
	 * of ours exists.
	 */
	void transactionStarted() {
		this.open = false;
	}

	Attempt send(Connection connection, String sql) throws SQLException {
		boolean guarded = inTransaction(connection) && !SentAsWritten.applies(StatementHead.of(sql));
		String prefix = !guarded ? "" : stillOpen(connection)
				? "RELEASE SAVEPOINT " + NAME + "; SAVEPOINT " + NAME + "; " : "SAVEPOINT " + NAME + "; ";
		try (Statement statement = connection.createStatement()) {
			try {
				statement.execute(prefix + sql);
				this.open = guarded || (this.open && inTransaction(connection));
			}
			catch (SQLException refusal) {
				if (guarded) {
					rollBack(connection, refusal);
				}
				return new Attempt(refusal, notices(statement), -1);
			}
			return new Attempt(null, notices(statement), rows(statement));
		}
	}

	/**
	 * Sends text as it is, under no savepoint of this class's (the migration's savepoint
	 * goes in front of it): PostgreSQL's answer to its last statement.
	 */
	static Attempt sendAsIs(Connection connection, String text) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			try {
				statement.execute(text);
			}
			catch (SQLException refusal) {
				return new Attempt(refusal, notices(statement), -1);
			}
			return new Attempt(null, notices(statement), rows(statement));
		}
	}

	/**
	 * Whether a transaction is open: Flyway's (autocommit off), or one the script opened
	 * itself with {@code BEGIN} on an autocommit connection, which the driver knows from
	 * the server's last answer, without a round trip.
	 */
	static boolean inTransaction(Connection connection) throws SQLException {
		return !connection.getAutoCommit() || (connection.isWrapperFor(BaseConnection.class)
				&& connection.unwrap(BaseConnection.class).getTransactionState() != TransactionState.IDLE);
	}

	/**
	 * Whether our savepoint of the previous statement still exists: not when the driver
	 * says no transaction is open (a caller committed in between), which it knows without
	 * a round trip.
	 */
	private boolean stillOpen(Connection connection) throws SQLException {
		if (this.open && connection.isWrapperFor(BaseConnection.class)
				&& connection.unwrap(BaseConnection.class).getTransactionState() == TransactionState.IDLE) {
			this.open = false;
		}
		return this.open;
	}

	private void rollBack(Connection connection, SQLException refusal) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("ROLLBACK TO SAVEPOINT " + NAME);
			this.open = true;
		}
		catch (SQLException ex) {
			// The savepoint itself was refused (the script ended the transaction):
			// nothing to keep.
			this.open = false;
			refusal.addSuppressed(ex);
			throw refusal;
		}
	}

	/**
	 * Rows changed by the last result: the statement's, after the savepoint commands' own
	 * results.
	 */
	private static long rows(Statement statement) throws SQLException {
		long rows = statement.getLargeUpdateCount();
		while (true) {
			boolean resultSet = statement.getMoreResults();
			long count = statement.getLargeUpdateCount();
			if (!resultSet && count == -1) {
				return rows;
			}
			rows = count;
		}
	}

	private static List<SQLWarning> notices(Statement statement) throws SQLException {
		List<SQLWarning> notices = new ArrayList<>();
		for (SQLWarning warning = statement.getWarnings(); warning != null; warning = warning.getNextWarning()) {
			notices.add(warning);
		}
		return notices;
	}

}
