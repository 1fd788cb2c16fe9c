package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.engine.catalog.LiveCatalog;
import io.github.idempotentmigrations.engine.sql.ClassifiedStatement;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import org.jspecify.annotations.Nullable;

/**
 * One statement that PostgreSQL refused as "already there / already gone" (or skipped
 * with such a NOTICE), while the engine decides what it means: the live catalog, the SQL
 * the engine derives and runs instead, and probes that let PostgreSQL describe what the
 * statement would build. Lives for that statement only.
 */
final class Reconciliation {

	private static final String PROBE_SAVEPOINT = "idempotent_migrations_probe";

	final Connection connection;

	final ClassifiedStatement statement;

	final LiveCatalog catalog;

	final @Nullable Attempt attempt;

	private final StatementSavepoint savepoint;

	private final List<String> derived = new ArrayList<>();

	private final List<ColumnAhead> columnsAhead = new ArrayList<>();

	Reconciliation(Connection connection, ClassifiedStatement statement, @Nullable Attempt attempt,
			StatementSavepoint savepoint) {
		this.connection = connection;
		this.statement = statement;
		this.attempt = attempt;
		this.savepoint = savepoint;
		this.catalog = new LiveCatalog(connection);
	}

	/**
	 * Runs SQL the engine derived from the statement; recorded as an action when
	 * PostgreSQL accepts it.
	 */
	Attempt runDerived(String sql) throws SQLException {
		Attempt attempt = this.savepoint.send(this.connection, sql);
		if (attempt.ran()) {
			this.derived.add(sql);
		}
		return attempt;
	}

	/**
	 * Like {@link #runDerived}, for SQL that must succeed: a refusal is the statement's
	 * failure.
	 */
	void runDerivedOrFail(String sql) throws SQLException {
		Attempt attempt = runDerived(sql);
		if (!attempt.ran()) {
			throw attempt.refusal();
		}
	}

	/**
	 * For a word from PostgreSQL that turns out not to be about the statement's own
	 * object (a duplicate name of an index inside a CREATE TABLE, say): the refusal
	 * stands as the statement's failure; a statement that ran is simply applied.
	 */
	Verdict unexplained() throws SQLException {
		if (!this.attempt.ran()) {
			throw this.attempt.refusal();
		}
		return Verdict.applied(this.statement.target(), "ran as written");
	}

	/** A column to judge again when the migration ends. */
	void columnAhead(ColumnAhead column) {
		this.columnsAhead.add(column);
	}

	List<ColumnAhead> columnsAhead() {
		return List.copyOf(this.columnsAhead);
	}

	List<String> derivedActions() {
		return List.copyOf(this.derived);
	}

	/** The name qualified with the schema an unqualified CREATE puts it in. */
	ObjectName qualify(ObjectName name) throws SQLException {
		return name.qualified() ? name : name.inSchema(this.catalog.currentSchema());
	}

	boolean inTransaction() throws SQLException {
		return StatementSavepoint.inTransaction(this.connection);
	}

	/**
	 * Whether PostgreSQL ran the statement and skipped its object itself, as an
	 * {@code IF NOT EXISTS} asks.
	 */
	boolean skippedByPostgres() {
		return this.attempt != null && this.attempt.ran();
	}

	/**
	 * Whether a column that differs in NOT NULL or default only is judged when the
	 * migration ends (its later statements may make it so): not for a statement
	 * PostgreSQL skipped, which leaves the column as it is.
	 */
	boolean judgesColumnsAtMigrationEnd() throws SQLException {
		return inTransaction() && !skippedByPostgres();
	}

	/**
	 * Runs work that is always rolled back (under a savepoint, or in a transaction of its
	 * own in autocommit mode): for probes that let PostgreSQL build what a statement
	 * describes somewhere harmless.
	 */
	<T extends @Nullable Object> T rolledBack(SqlWork<T> work) throws SQLException {
		if (!inTransaction()) {
			this.connection.setAutoCommit(false);
			try {
				return work.run();
			}
			finally {
				this.connection.rollback();
				this.connection.setAutoCommit(true);
			}
		}
		// SQL, not the JDBC savepoint API, which refuses an autocommit connection inside
		// a script's own BEGIN
		execute("SAVEPOINT " + PROBE_SAVEPOINT);
		try {
			return work.run();
		}
		finally {
			execute("ROLLBACK TO SAVEPOINT " + PROBE_SAVEPOINT + "; RELEASE SAVEPOINT " + PROBE_SAVEPOINT);
		}
	}

	private void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(sql);
		}
	}

	@FunctionalInterface
	interface SqlWork<T extends @Nullable Object> {

		T run() throws SQLException;

	}

}
