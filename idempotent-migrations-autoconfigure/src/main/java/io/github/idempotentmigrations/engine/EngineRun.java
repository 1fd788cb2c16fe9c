package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.engine.sql.ClassifiedStatement;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.StatementClassifier;
import org.jspecify.annotations.Nullable;

/**
 * One migrate run. Every statement runs exactly as written (inside a transaction under
 * the migration's one savepoint); only when PostgreSQL itself refuses one, or says with a
 * notice that its object is already there or already gone, does the migration run again
 * with a savepoint per statement, and the engine read the live catalog for that statement
 * alone and decide. Nothing but the report is carried from one statement to the next. Not
 * thread-safe: Flyway runs one migration at a time.
 */
public final class EngineRun {

	private final EngineSettings settings;

	private final StatementSavepoint savepoint = new StatementSavepoint();

	private final MigrationSavepoint migration = new MigrationSavepoint();

	private final List<MigrationResult> finished = new ArrayList<>();

	private final List<StatementResult> statements = new ArrayList<>();

	/** Columns of the current migration that existed ahead of it, judged when it ends. */
	private final List<ColumnAhead> columnsAhead = new ArrayList<>();

	private int catalogQueries;

	private @Nullable String version;

	private String description;

	private @Nullable String script;

	private long migrationStart;

	/** Where this run journals, once located. */
	private @Nullable StatementJournal runJournal;

	/**
	 * The journal of the current migration's committed statements, or null
	 * (transactional, or not kept).
	 */
	private @Nullable StatementJournal journal;

	/**
	 * The current migration as the journal knows it: its version, or its script for a
	 * repeatable one.
	 */
	private @Nullable String journalKey;

	/**
	 * The current migration's statements as its script writes them, read only when one is
	 * journaled.
	 */
	private Supplier<List<String>> scriptStatements;

	/**
	 * The last statement of the current migration this run journaled (0: none): its rows
	 * go when it succeeds.
	 */
	private int journaledUpTo;

	/** Whether the journal table existed when this run first looked; null until then. */
	private @Nullable Boolean journalFound;

	/**
	 * Statements of the current migration that committed in an earlier run; null until
	 * read.
	 */
	private @Nullable Map<Integer, StatementJournal.Entry> committedEarlier;

	/**
	 * The last statement, when Flyway executes it itself ({@code COPY}) and the journal
	 * records it afterwards.
	 */
	private @Nullable StatementResult sentByFlyway;

	private String sentByFlywaySql;

	private boolean sentByFlywayJournaled;

	public EngineRun(EngineSettings settings) {
		this.settings = settings;
	}

	public void beginMigration(@Nullable String version, String description, @Nullable String script) {
		this.version = version;
		this.description = description;
		this.script = script;
		this.migrationStart = System.nanoTime();
		this.statements.clear();
		this.columnsAhead.clear();
		this.savepoint.transactionStarted();
		this.migration.migrationStarted();
		this.journal = null;
		this.journalKey = null;
	}

	/**
	 * The run's statement journal, found once: {@code locate} runs for the run's first
	 * migration only.
	 */
	public StatementJournal journal(JournalLocator locate) {
		if (this.runJournal == null) {
			try {
				this.runJournal = locate.locate();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not locate the statement journal: " + ex.getMessage(), ex);
			}
		}
		return this.runJournal;
	}

	/**
	 * Keeps the current migration's committed statements in a journal, so that a
	 * non-transactional migration that stopped half-way resumes at the statement that
	 * failed. Only statements that run in autocommit mode are journaled: a transactional
	 * migration rolls back as a whole.
	 */
	public void journalTo(StatementJournal journal, String migration, Supplier<List<String>> scriptStatements) {
		this.journal = journal;
		this.journalKey = migration;
		this.scriptStatements = scriptStatements;
		this.committedEarlier = null;
		this.journaledUpTo = 0;
	}

	/**
	 * The current migration ran all its statements, inside its transaction still when it
	 * has one: columns that existed ahead of it must now be as the migration leaves them,
	 * or the migration conflicts; its journal rows are no longer needed.
	 * @throws StatementRejectedException when such a column differs, under
	 * {@link ConflictPolicy#FAIL}
	 */
	public void migrationSucceeded(Connection connection) {
		judgeColumnsAhead(connection);
		if (this.journal != null
				&& (this.journaledUpTo > 0 || (this.committedEarlier != null && !this.committedEarlier.isEmpty()))) {
			try {
				this.journal.forget(connection, this.journalKey);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not clear the statement journal: " + ex.getMessage(), ex);
			}
		}
	}

	/**
	 * Runs one statement on the migration's connection: as written, nothing parsed before
	 * it is sent; inside a transaction under the migration's one savepoint, until a
	 * refusal makes the migration run again with a savepoint per statement (see
	 * {@link MigrationSavepoint}).
	 * @return what happened; see {@link #flywayExecutes(StatementResult)} for the one
	 * case Flyway must still run it
	 * @throws StatementRejectedException when the statement fails, or conflicts under
	 * {@link ConflictPolicy#FAIL}
	 */
	public StatementResult execute(Connection connection, String sql) {
		long start = System.nanoTime();
		StatementHead head = StatementHead.of(sql);
		this.sentByFlyway = null;
		try {
			// What committed in an earlier run is skipped in either mode: a script made
			// transactional since (the fix of a failed non-transactional one) must not
			// run it twice; only autocommit statements are journaled.
			if (this.journal != null && committedEarlier(connection).containsKey(this.statements.size() + 1)) {
				StatementResult skipped = skipCommitted(head, sql, start);
				if (skipped != null) {
					return skipped;
				}
			}
			boolean journaled = this.journal != null && connection.getAutoCommit();
			if (head.copyFromStdin(sql)) {
				ClassifiedStatement classified = StatementClassifier.classify(sql);
				StatementResult copy = record(classified,
						Verdict.applied(classified.target(), "data streamed by" + " Flyway"), List.of(), null, start);
				this.sentByFlyway = copy;
				this.sentByFlywaySql = sql;
				this.sentByFlywayJournaled = journaled;
				return copy;
			}
			boolean inTransaction = StatementSavepoint.inTransaction(connection);
			if (inTransaction && !this.migration.perStatement() && !SentAsWritten.applies(head)) {
				return asWritten(connection, sql, head, start);
			}
			return guarded(connection, sql, head, inTransaction, journaled, start);
		}
		catch (SQLException | RuntimeException ex) {
			throw failed(ex, sql, null, start);
		}
	}

	/**
	 * The common path inside a transaction: the statement as written, under the
	 * migration's savepoint only. A statement PostgreSQL accepts without a notice is not
	 * classified until the report is read.
	 */
	private StatementResult asWritten(Connection connection, String sql, StatementHead head, long start)
			throws SQLException {
		this.migration.beforeSending(connection, sql, head);
		Attempt attempt = StatementSavepoint.sendAsIs(connection, this.migration.prefix() + sql);
		this.migration.sent(sql);
		// only PostgreSQL's word about an object makes it run again: another notice
		// (RAISE NOTICE, a CASCADE) is news
		if (!attempt.ran() || attempt.skippedAsExisting() || attempt.skippedAsMissing() > 0) {
			return runAgain(connection, sql, attempt.refusal(), start);
		}
		StatementResult result = recordRan(sql,
				(head.changesRows() && attempt.rows() >= 0) ? attempt.rows() + " rows changed" : "ran as written",
				start);
		if (head.transactionControl()) {
			this.migration.checkpoint(this.statements.size() + 1, true);
		}
		return result;
	}

	/**
	 * A statement under a savepoint of its own (or alone, outside a transaction):
	 * PostgreSQL's refusal or notice is reconciled against the live catalog.
	 */
	private StatementResult guarded(Connection connection, String sql, StatementHead head, boolean inTransaction,
			boolean journaled, long start) throws SQLException {
		Reconciliation reconciliation = null;
		try {
			boolean replayable = inTransaction && !SentAsWritten.applies(head);
			if (replayable) {
				// the migration's savepoint first (new, or moved past a COPY), then the
				// statement's own inside it
				String prefix = this.migration.prefix();
				if (!prefix.isEmpty()) {
					StatementSavepoint.sendAsIs(connection, prefix);
					this.savepoint.transactionStarted();
				}
				this.migration.beforeSending(connection, sql, head);
			}
			Attempt attempt = this.savepoint.send(connection, sql);
			if (replayable) {
				this.migration.sent(sql);
			}
			while (LockWaits.timedOut(attempt.refusal()) && !inTransaction) {
				// outside a transaction the statement holds nothing else: it tries again
				// by itself
				waitForLocks(connection, StatementClassifier.classify(sql), start);
				attempt = this.savepoint.send(connection, sql);
			}
			if (LockWaits.timedOut(attempt.refusal()) && this.migration.perStatement()) {
				return runAgain(connection, sql, attempt.refusal(), start);
			}
			if (head.transactionControl()) {
				this.savepoint.transactionStarted();
				this.migration.checkpoint(this.statements.size() + 2, true);
			}
			// sent first: what the statement is matters only now, for the verdict and the
			// report
			ClassifiedStatement statement = StatementClassifier.classify(sql);
			Verdict verdict;
			if (attempt.ran() && attempt.notices().isEmpty()) {
				verdict = applied(statement, attempt);
			}
			else if (attempt.ran()
					|| (!statement.kind().isDataChange() && SqlStates.signalsExistence(attempt.sqlState()))) {
				reconciliation = new Reconciliation(connection, statement, attempt, this.savepoint);
				verdict = Reconcilers.decide(reconciliation);
			}
			else {
				throw attempt.refusal();
			}
			StatementResult result = record(statement, verdict, actions(reconciliation), null, start);
			if (reconciliation != null) {
				reconciliation.columnsAhead().forEach((column) -> this.columnsAhead.add(column.at(result.index())));
			}
			if (verdict.outcome() == Outcome.CONFLICT && this.settings.onConflict() == ConflictPolicy.FAIL) {
				throw new StatementRejectedException(result, null);
			}
			// inside the script's own transaction, statements commit with its COMMIT,
			// which is journaled
			if (journaled && !StatementSavepoint.inTransaction(connection)) {
				journal(connection, result.index(), sql);
			}
			return result;
		}
		catch (SQLException | RuntimeException ex) {
			throw failed(ex, sql, reconciliation, start);
		}
		finally {
			if (reconciliation != null) {
				this.catalogQueries += reconciliation.catalog.queryCount();
			}
		}
	}

	/**
	 * PostgreSQL refused a statement, raised a notice, or a lock wait timed out: back to
	 * the migration's savepoint (locks released, sequences set back), then the
	 * migration's statements from the first again, each under a savepoint of its own;
	 * after a lock wait, first a pause, as they ran before.
	 * @return the result of the statement that was refused, run again
	 */
	private StatementResult runAgain(Connection connection, String sql, SQLException refusal, long start)
			throws SQLException {
		boolean lockWait = LockWaits.timedOut(refusal);
		List<String> replay = this.migration.rollBack(connection, !lockWait);
		this.savepoint.transactionStarted();
		if (lockWait) {
			waitForLocks(connection, StatementClassifier.classify(sql), start);
		}
		int first = this.migration.firstIndex();
		this.statements.subList(first - 1, this.statements.size()).clear();
		this.columnsAhead.removeIf((column) -> column.statementIndex() >= first);
		StatementResult last = null;
		for (String again : replay) {
			last = execute(connection, again);
		}
		return last;
	}

	/**
	 * A lock wait timed out: pauses before the next try, or, when the retries are spent,
	 * fails the statement naming the sessions that hold the lock (nothing of the
	 * migration is left: it went back to its savepoint).
	 */
	private void waitForLocks(Connection connection, ClassifiedStatement statement, long start) {
		int retry = this.migration.lockRetried();
		LockWaits lockWaits = this.settings.lockWaits();
		if (retry > lockWaits.retries()) {
			ObjectName relation = (statement.table() != null) ? statement.table() : statement.target();
			List<String> holders = LockWaits.holders(connection, (relation != null) ? relation.toSql() : null);
			Verdict failed = new Verdict(Outcome.FAILED, (relation != null) ? relation.toString() : null,
					"the lock wait reached the lock timeout " + retry + " times (tried again " + lockWaits.retries()
							+ " times after a pause, releasing every lock of the migration each time): "
							+ (holders.isEmpty() ? "no session holds a lock on it now"
									: "held by " + String.join("; ", holders)),
					null, null);
			throw new StatementRejectedException(
					record(statement, failed, List.of(), LockWaits.LOCK_NOT_AVAILABLE, start), null);
		}
		LockWaits.pause(lockWaits.pauseBefore(retry));
	}

	private StatementRejectedException failed(Exception ex, String sql, @Nullable Reconciliation reconciliation,
			long start) {
		if (ex instanceof StatementRejectedException rejected) {
			return rejected;
		}
		ClassifiedStatement statement = StatementClassifier.classify(sql);
		String sqlState = (ex instanceof SQLException sqlException) ? sqlException.getSQLState() : null;
		Verdict failed = new Verdict(Outcome.FAILED,
				(statement.target() != null) ? statement.target().toString() : null,
				FailureHints.explain(statement, ex), null, null);
		return new StatementRejectedException(record(statement, failed, actions(reconciliation), sqlState, start), ex);
	}

	/**
	 * Flyway executed the statement itself ({@code COPY}): in autocommit mode it
	 * committed, so the journal says so; in a transaction it cannot be replayed, so the
	 * migration's savepoint moves past it.
	 */
	public void flywayExecuted(Connection connection) {
		if (this.sentByFlyway == null) {
			return;
		}
		try {
			if (this.sentByFlywayJournaled) {
				journal(connection, this.sentByFlyway.index(), this.sentByFlywaySql);
			}
			else {
				this.migration.checkpoint(this.sentByFlyway.index() + 1, false);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Could not journal statement " + this.sentByFlyway.index() + ": " + ex.getMessage(), ex);
		}
		finally {
			this.sentByFlyway = null;
		}
	}

	/**
	 * A statement an earlier run of this migration committed: skipped when its text is
	 * the one that ran (or a person said it ran), but for a session setting, which the
	 * new session needs again (null: run it); when it was edited since, what it did and
	 * what it now says cannot both be true, and the run stops here, before anything of
	 * this migration runs.
	 */
	private @Nullable StatementResult skipCommitted(StatementHead head, String sql, long start) {
		int index = this.statements.size() + 1;
		String ranAs = this.committedEarlier.get(index).sentHash();
		if (head.sessionSetting()) {
			// a SET changes no row and the new session needs it: it runs again
			return null;
		}
		ClassifiedStatement statement = StatementClassifier.classify(sql);
		if (ranAs == null || ranAs.equals(StatementJournal.hash(sql))) {
			return record(statement,
					Verdict
						.skipped(statement.target(),
								"committed by an earlier run that stopped in"
										+ " this migration (statement journal): not run again"),
					List.of(), null, start);
		}
		Verdict edited = new Verdict(Outcome.FAILED,
				(statement.target() != null) ? statement.target().toString() : null,
				"statement " + index + " committed in an earlier run that stopped in this migration, and the script has"
						+ " been edited there since: what ran is not what it says now. Restore the statement as it ran,"
						+ " or say where to resume with idempotent-migrations.repair.resume-after[" + this.journalKey
						+ "]=<the last statement that committed> (0 runs it from the start)",
				null, null);
		throw new StatementRejectedException(record(statement, edited, List.of(), null, start), null);
	}

	/**
	 * Records a statement that caller code ran, or chose not to run, under its own
	 * explicit guard (a Java migration's condition query): the decision lands in the same
	 * report.
	 * @param sqlState for {@link Outcome#FAILED}: the SQLSTATE of the error; otherwise
	 * null
	 */
	public StatementResult recordDecision(String sql, Outcome outcome, String reason, @Nullable String sqlState,
			Duration duration) {
		ClassifiedStatement statement = StatementClassifier.classify(sql);
		return record(statement, Verdict.decided(outcome, statement.target(), reason), List.of(), sqlState, duration);
	}

	/**
	 * Whether Flyway must execute the statement itself: {@code COPY ... FROM STDIN}
	 * streams data only it holds.
	 */
	public boolean flywayExecutes(StatementResult result) {
		return result != null && result == this.sentByFlyway;
	}

	public MigrationResult finishMigration() {
		MigrationResult result = new MigrationResult(this.version, this.description, this.script, this.statements,
				Duration.ofNanos(System.nanoTime() - this.migrationStart), this.migration.lockRetries());
		this.finished.add(result);
		this.statements.clear();
		return result;
	}

	/**
	 * The finished migrations; statements that ran as written are classified now, for the
	 * report, not before.
	 */
	public List<MigrationResult> results() {
		this.finished.replaceAll(EngineRun::classified);
		return List.copyOf(this.finished);
	}

	/**
	 * How many catalog queries the run has made: the engine's cost beyond the statements
	 * themselves.
	 */
	public int catalogQueries() {
		return this.catalogQueries;
	}

	private void judgeColumnsAhead(Connection connection) {
		for (ColumnAhead column : this.columnsAhead) {
			StatementResult added = this.statements.get(column.statementIndex() - 1);
			// from the adding statement on: its own later actions count too
			List<String> fromAdding = this.statements.subList(column.statementIndex() - 1, this.statements.size())
				.stream()
				.map(StatementResult::sql)
				.toList();
			Optional<ColumnAhead.Ending> ending;
			try {
				ending = column.judgeAtMigrationEnd(connection, this.savepoint, fromAdding);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not compare column " + column.table() + "." + column.column()
						+ " with what the migration builds: " + ex.getMessage(), ex);
			}
			if (ending.isEmpty()) {
				continue;
			}
			ColumnAhead.Ending end = ending.get();
			StatementResult judged = added.judgedAgain(end.outcome(), end.reason(), end.actions(), end.expected(),
					end.found());
			this.statements.set(column.statementIndex() - 1, judged);
			if (end.outcome() == Outcome.CONFLICT && this.settings.onConflict() == ConflictPolicy.FAIL) {
				throw new StatementRejectedException(judged, null);
			}
		}
	}

	/**
	 * Journals statement {@code index} as committed, with those before it that committed
	 * with it: the statements inside a script's own transaction commit with its
	 * {@code COMMIT}.
	 */
	private void journal(Connection connection, int index, String sql) throws SQLException {
		List<String> written = this.scriptStatements.get();
		for (int earlier = this.journaledUpTo + 1; earlier <= index; earlier++) {
			String sent = (earlier != index) ? this.statements.get(earlier - 1).sql() : sql;
			this.journal.recordCommitted(connection, this.journalKey, earlier, sent,
					(earlier <= written.size()) ? written.get(earlier - 1) : null);
		}
		this.journaledUpTo = index;
	}

	private Map<Integer, StatementJournal.Entry> committedEarlier(Connection connection) throws SQLException {
		if (this.committedEarlier == null) {
			if (this.journalFound == null) {
				// once per run: without the table nothing committed earlier, and only
				// this run's statements add rows
				this.journalFound = this.journal.exists(connection);
			}
			this.committedEarlier = this.journalFound ? this.journal.committed(connection, this.journalKey) : Map.of();
		}
		return this.committedEarlier;
	}

	private static Verdict applied(ClassifiedStatement statement, Attempt attempt) {
		String reason = (statement.kind().isDataChange() && attempt.rows() >= 0) ? attempt.rows() + " rows changed"
				: "ran as written";
		return Verdict.applied(statement.target(), reason);
	}

	private static List<String> actions(@Nullable Reconciliation reconciliation) {
		return (reconciliation != null) ? reconciliation.derivedActions() : List.of();
	}

	private static MigrationResult classified(MigrationResult migration) {
		if (migration.statements().stream().allMatch((statement) -> statement.kind() != null)) {
			return migration;
		}
		List<StatementResult> statements = migration.statements().stream().map((statement) -> {
			if (statement.kind() != null) {
				return statement;
			}
			ClassifiedStatement classified = StatementClassifier.classify(statement.sql());
			return statement.classifiedAs(classified.kind(),
					(classified.target() != null) ? classified.target().toString() : null);
		}).toList();
		return new MigrationResult(migration.version(), migration.description(), migration.script(), statements,
				migration.duration(), migration.lockRetries());
	}

	/**
	 * A statement that ran as written: its kind and object are read when the report is
	 * (null kind until then).
	 */
	private StatementResult recordRan(String sql, String reason, long start) {
		StatementResult result = StatementResult.ranAsWritten(this.statements.size() + 1, sql, reason,
				Duration.ofNanos(System.nanoTime() - start));
		this.statements.add(result);
		return result;
	}

	private StatementResult record(ClassifiedStatement statement, Verdict verdict, List<String> actions,
			@Nullable String sqlState, long start) {
		return record(statement, verdict, actions, sqlState, Duration.ofNanos(System.nanoTime() - start));
	}

	private StatementResult record(ClassifiedStatement statement, Verdict verdict, List<String> actions,
			@Nullable String sqlState, Duration duration) {
		StatementResult result = new StatementResult(this.statements.size() + 1, statement.sql(), statement.kind(),
				verdict.object(), verdict.outcome(), verdict.reason(), actions, verdict.expected(), verdict.actual(),
				sqlState, duration);
		this.statements.add(result);
		return result;
	}

	/** Finds where the journal table is; may ask the database. */
	@FunctionalInterface
	public interface JournalLocator {

		StatementJournal locate() throws SQLException;

	}

}
