package io.github.idempotentmigrations.engine;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.idempotentmigrations.engine.sql.SqlLexer;
import io.github.idempotentmigrations.engine.sql.Token;
import org.jspecify.annotations.Nullable;

/**
 * The first words of a statement, read without parsing it: all the engine needs before it
 * sends a statement (as Flyway's own PostgreSQL parser needs no more). Only a statement
 * that starts with a comment pays for the lexer.
 *
 * @param text the statement from its first keyword on, upper-cased up to {@link #LENGTH}
 * characters
 */
record StatementHead(String text) {

	private static final int LENGTH = 120;

	private static final Pattern COPY_FROM_STDIN = Pattern.compile("\\bFROM\\s+STDIN\\b");

	private static final Pattern SESSION_SETTING = Pattern.compile("^(SET|RESET)\\b.*", Pattern.DOTALL);

	private static final Pattern TRANSACTION_CONTROL = Pattern.compile("^(BEGIN|START|COMMIT|END|ROLLBACK|ABORT)\\b.*",
			Pattern.DOTALL);

	// What may run code that draws from any sequence: a block, a query, a procedure.
	private static final Pattern RUNS_CODE = Pattern.compile("^(DO|SELECT|WITH|CALL|EXECUTE|VALUES|MERGE)\\b.*",
			Pattern.DOTALL);

	private static final Pattern DATA_CHANGE = Pattern.compile("^(INSERT|UPDATE|DELETE|MERGE)\\b.*", Pattern.DOTALL);

	// INSERT INTO <table> ...: without a nextval of its own, only the table's sequences
	// advance.
	private static final Pattern INSERT_INTO = Pattern.compile("^INSERT\\s+INTO\\s+((?:\"[^\"]+\"|[A-Z_][A-Z0-9_$]*)"
			+ "(?:\\.(?:\"[^\"]+\"|[A-Z_][A-Z0-9_$]*))?)[\\s(].*", Pattern.DOTALL);

	private static final Pattern UPDATE = Pattern.compile("^UPDATE\\b.*", Pattern.DOTALL);

	static StatementHead of(String sql) {
		String text = sql.stripLeading();
		if (text.startsWith("--") || text.startsWith("/*")) {
			List<Token> tokens = SqlLexer.tokenize(text);
			text = tokens.isEmpty() ? "" : text.substring(tokens.get(0).start());
		}
		return new StatementHead(text.substring(0, Math.min(LENGTH, text.length())).toUpperCase(Locale.ROOT));
	}

	/**
	 * {@code COPY ... FROM STDIN}: Flyway streams its data itself (a long column list is
	 * read whole).
	 */
	boolean copyFromStdin(String sql) {
		return this.text.startsWith("COPY") && COPY_FROM_STDIN.matcher(sql.toUpperCase(Locale.ROOT).strip()).find();
	}

	/** {@code SET} or {@code RESET}: changes no row, and a new session needs it again. */
	boolean sessionSetting() {
		return SESSION_SETTING.matcher(this.text).matches();
	}

	/**
	 * A script's own {@code BEGIN}/{@code COMMIT}: a savepoint of the engine's is gone
	 * with it.
	 */
	boolean transactionControl() {
		return TRANSACTION_CONTROL.matcher(this.text).matches();
	}

	/**
	 * For an {@code INSERT INTO t ...} that calls no {@code nextval} itself: {@code t} as
	 * the statement writes it (the caller resolves it as PostgreSQL does), else null.
	 */
	@Nullable String insertTarget(String sql) {
		Matcher insert = INSERT_INTO.matcher(this.text);
		if (!insert.matches() || callsNextval(sql)) {
			return null;
		}
		int at = sql.toUpperCase(Locale.ROOT).indexOf(insert.group(1));
		return (at < 0) ? null : sql.substring(at, at + insert.group(1).length());
	}

	/**
	 * Whether it may draw from any sequence that existed before the migration: code (a
	 * {@code DO} block, a query, a procedure), a statement that names {@code nextval} or
	 * {@code setval}, an {@code UPDATE} that sets a default. An {@code INSERT} draws from
	 * its table's own ({@link #insertTarget}); DDL and other statements draw from none (a
	 * trigger or a function that calls {@code nextval} is not seen: its sequence keeps a
	 * gap after a replay).
	 */
	boolean mayUseAnySequence(String sql) {
		return RUNS_CODE.matcher(this.text).matches() || callsNextval(sql)
				|| (UPDATE.matcher(this.text).matches() && sql.toUpperCase(Locale.ROOT).contains("DEFAULT"));
	}

	private static boolean callsNextval(String sql) {
		String upper = sql.toUpperCase(Locale.ROOT);
		return upper.contains("NEXTVAL") || upper.contains("SETVAL");
	}

	/**
	 * {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}: its row count is
	 * worth reporting.
	 */
	boolean changesRows() {
		return DATA_CHANGE.matcher(this.text).matches();
	}
}
