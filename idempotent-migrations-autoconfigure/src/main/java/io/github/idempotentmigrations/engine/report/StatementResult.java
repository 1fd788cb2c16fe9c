package io.github.idempotentmigrations.engine.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.engine.sql.StatementKind;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one migration statement.
 *
 * @param index position of the statement in its migration, from 1
 * @param sql the statement (after placeholder replacement)
 * @param kind the classified statement kind; null only while a statement that ran as
 * written is not yet read for the report
 * @param object the object it is about, e.g. {@code public.users.email}; may be null
 * @param outcome what the engine did
 * @param reason one sentence saying why, for people
 * @param actions SQL the engine ran in place of, or in addition to, the statement
 * (reconciliation)
 * @param expected for CONFLICT, and for a SKIPPED whose object differs (a warning): the
 * definition the statement describes; otherwise null
 * @param actual for CONFLICT and such a warning: the definition found in the database;
 * otherwise null
 * @param sqlState for FAILED: the SQLSTATE of the error; otherwise null
 * @param duration time spent on the statement, catalog checks included
 */
public record StatementResult(int index, String sql, @Nullable StatementKind kind, @Nullable String object,
		Outcome outcome, String reason, List<String> actions, @Nullable String expected, @Nullable String actual,
		@Nullable String sqlState, Duration duration) {

	public StatementResult {
		actions = (actions != null) ? List.copyOf(actions) : List.of();
	}

	/**
	 * A statement PostgreSQL ran as written. Its kind and object are not known yet:
	 * nothing is parsed before a statement runs, they are read when the report is
	 * ({@link #classifiedAs}).
	 */
	public static StatementResult ranAsWritten(int index, String sql, String reason, Duration duration) {
		return new StatementResult(index, sql, null, null, Outcome.APPLIED, reason, List.of(), null, null, null,
				duration);
	}

	/** This result with the kind and object read from its statement. */
	public StatementResult classifiedAs(StatementKind kind, @Nullable String object) {
		return new StatementResult(this.index, this.sql, kind, object, this.outcome, this.reason, this.actions,
				this.expected, this.actual, this.sqlState, this.duration);
	}

	/**
	 * This statement judged again once its migration has ended (a column it added,
	 * compared with what the later statements built); {@code moreActions} are what that
	 * judgement ran, after the statement's own.
	 */
	public StatementResult judgedAgain(Outcome outcome, String reason, List<String> moreActions,
			@Nullable String expected, @Nullable String actual) {
		List<String> allActions = new ArrayList<>(this.actions);
		allActions.addAll(moreActions);
		return new StatementResult(this.index, this.sql, this.kind, this.object, outcome, reason, allActions, expected,
				actual, null, this.duration);
	}
}
