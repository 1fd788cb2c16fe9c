package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One savepoint per transactional migration, sent with its first statement: a clean
 * migration runs as plain Flyway runs it plus this one subtransaction, never one per
 * statement (past 64 in a transaction, every snapshot on the primary and its standbys
 * consults {@code pg_subtrans}). When PostgreSQL refuses a statement, the migration goes
 * back to it and runs again from its first statement, each under a savepoint of its own,
 * so that the refusal can be reconciled. A {@code COPY} Flyway streams, or a script's own
 * {@code COMMIT}/{@code BEGIN}, cannot be replayed: the savepoint moves past them.
 */
final class MigrationSavepoint {

	private static final String NAME = "idempotent_migrations_migration";

	/** Whether the savepoint exists in the current transaction. */
	private boolean taken;

	/**
	 * Whether it must move past a statement that cannot be replayed, with the next
	 * statement.
	 */
	private boolean renew;

	/** Whether each statement runs under a savepoint of its own (after a refusal). */
	private boolean perStatement;

	/** What was sent since the savepoint, in order: the replay. */
	private final List<String> sent = new ArrayList<>();

	/** The report position of the first statement since the savepoint (1-based). */
	private int firstIndex = 1;

	/**
	 * Sequence values before the statements since the savepoint that may advance them;
	 * null until one was read.
	 */
	private @Nullable SequenceValues sequences;

	/** Whether every sequence of the search_path was read since the savepoint. */
	private boolean allSequencesRead;

	/** The tables whose own sequences were read since the savepoint. */
	private final Set<String> tablesRead = new HashSet<>();

	/**
	 * How many times the current migration was tried again after a lock wait timed out.
	 */
	private int lockRetries;

	void migrationStarted() {
		this.taken = false;
		this.renew = false;
		this.perStatement = false;
		this.sent.clear();
		this.firstIndex = 1;
		forgetSequences();
		this.lockRetries = 0;
	}

	boolean perStatement() {
		return this.perStatement;
	}

	int firstIndex() {
		return this.firstIndex;
	}

	int lockRetries() {
		return this.lockRetries;
	}

	/** Counts a retry after a lock wait timed out; returns its number (1-based). */
	int lockRetried() {
		return ++this.lockRetries;
	}

	/**
	 * What to send in front of the next statement in a transaction: the savepoint when it
	 * does not exist yet.
	 */
	String prefix() {
		if (!this.taken) {
			return "SAVEPOINT " + NAME + "; ";
		}
		return this.renew ? "RELEASE SAVEPOINT " + NAME + "; SAVEPOINT " + NAME + "; " : "";
	}

	/**
	 * Reads the sequences before a statement that may advance one: an {@code INSERT}
	 * those of its table (once per table), code (a {@code DO} block, a query) or a
	 * statement naming {@code nextval} all of the search_path's (once per savepoint),
	 * anything else none.
	 */
	void beforeSending(Connection connection, String sql, StatementHead head) throws SQLException {
		if (this.allSequencesRead) {
			return;
		}
		if (head.mayUseAnySequence(sql)) {
			sequences().addAll(connection);
			this.allSequencesRead = true;
			return;
		}
		String table = head.insertTarget(sql);
		if (table != null && this.tablesRead.add(table)) {
			sequences().addDrawnByInsertInto(connection, table);
		}
	}

	private SequenceValues sequences() {
		if (this.sequences == null) {
			this.sequences = new SequenceValues();
		}
		return this.sequences;
	}

	/**
	 * The statement was sent after {@link #prefix()}: the savepoint exists, the statement
	 * is part of a replay.
	 */
	void sent(String sql) {
		this.taken = true;
		this.renew = false;
		this.sent.add(sql);
	}

	/**
	 * What came before cannot run again: a {@code COPY} Flyway streamed (the savepoint
	 * moves past it), or the end or start of a transaction (the savepoint is gone with
	 * it).
	 * @param nextIndex the report position of the next statement
	 */
	void checkpoint(int nextIndex, boolean transactionBoundary) {
		if (transactionBoundary) {
			this.taken = false;
			this.perStatement = false; // a new transaction starts as any migration does
		}
		this.renew = this.taken;
		this.sent.clear();
		this.firstIndex = nextIndex;
		forgetSequences();
	}

	private void forgetSequences() {
		this.sequences = null;
		this.allSequencesRead = false;
		this.tablesRead.clear();
	}

	/**
	 * Goes back to the savepoint, in an aborted transaction too, releasing every lock
	 * taken since; sets back the sequences that moved; returns the statements to run
	 * again, from the first.
	 * @param perStatementFromNow whether the replay runs each statement under a savepoint
	 * of its own (a refusal to reconcile) or as before (a lock wait that timed out)
	 */
	List<String> rollBack(Connection connection, boolean perStatementFromNow) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("ROLLBACK TO SAVEPOINT " + NAME);
		}
		if (this.sequences != null) {
			this.sequences.restore(connection);
		}
		this.perStatement = this.perStatement || perStatementFromNow;
		List<String> replay = List.copyOf(this.sent);
		this.sent.clear();
		return replay;
	}

}
