package io.github.idempotentmigrations.engine;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.idempotentmigrations.engine.sql.SqlLexer;
import io.github.idempotentmigrations.engine.sql.Token;

/**
 * The first words of a statement, read without parsing it: all the engine needs before it sends a statement (as
 * Flyway's own PostgreSQL parser needs no more). Only a statement that starts with a comment pays for the lexer.
 *
 * @param text the statement from its first keyword on, upper-cased up to {@link #LENGTH} characters
 */
record StatementHead(String text) {

    private static final int LENGTH = 120;

    private static final Pattern COPY_FROM_STDIN = Pattern.compile("\\bFROM\\s+STDIN\\b");

    private static final Pattern SESSION_SETTING = Pattern.compile("^(SET|RESET)\\b.*", Pattern.DOTALL);

    private static final Pattern TRANSACTION_CONTROL = Pattern
        .compile("^(BEGIN|START|COMMIT|END|ROLLBACK|ABORT)\\b.*", Pattern.DOTALL);

    // What cannot advance a sequence that existed before the migration: it needs no snapshot of their values.
    private static final Pattern SEQUENCE_FREE = Pattern.compile("^(CREATE\\s+(UNIQUE\\s+)?INDEX|CREATE\\s+TYPE"
            + "|CREATE\\s+DOMAIN|CREATE\\s+(OR\\s+REPLACE\\s+)?(FUNCTION|PROCEDURE|VIEW|TRIGGER|RULE)|CREATE\\s+SCHEMA"
            + "|CREATE\\s+EXTENSION|CREATE\\s+SEQUENCE|CREATE\\s+POLICY|COMMENT|GRANT|REVOKE|DROP|ALTER\\s+INDEX"
            + "|ALTER\\s+TYPE|SET|RESET|ANALYZE|CREATE\\s+TABLE\\s+(IF\\s+NOT\\s+EXISTS\\s+)?[^\\s(]+\\s*\\((?!.*\\bAS\\b))"
            + ".*", Pattern.DOTALL);

    private static final Pattern DATA_CHANGE = Pattern.compile("^(INSERT|UPDATE|DELETE|MERGE)\\b.*", Pattern.DOTALL);

    // INSERT INTO <table> ...: without a nextval of its own, only the table's sequences advance.
    private static final Pattern INSERT_INTO = Pattern.compile("^INSERT\\s+INTO\\s+((?:\"[^\"]+\"|[A-Z_][A-Z0-9_$]*)"
            + "(?:\\.(?:\"[^\"]+\"|[A-Z_][A-Z0-9_$]*))?)[\\s(].*", Pattern.DOTALL);

    private static final Pattern UPDATE_OR_DELETE = Pattern.compile("^(UPDATE|DELETE)\\b.*", Pattern.DOTALL);

    static StatementHead of(String sql) {
        String text = sql.stripLeading();
        if (text.startsWith("--") || text.startsWith("/*")) {
            List<Token> tokens = SqlLexer.tokenize(text);
            text = tokens.isEmpty() ? "" : text.substring(tokens.get(0).start());
        }
        return new StatementHead(text.substring(0, Math.min(LENGTH, text.length())).toUpperCase(Locale.ROOT));
    }

    /** {@code COPY ... FROM STDIN}: Flyway streams its data itself (a long column list is read whole). */
    boolean copyFromStdin(String sql) {
        return this.text.startsWith("COPY") && COPY_FROM_STDIN.matcher(sql.toUpperCase(Locale.ROOT).strip()).find();
    }

    /** {@code SET} or {@code RESET}: changes no row, and a new session needs it again. */
    boolean sessionSetting() {
        return SESSION_SETTING.matcher(this.text).matches();
    }

    /** A script's own {@code BEGIN}/{@code COMMIT}: a savepoint of the engine's is gone with it. */
    boolean transactionControl() {
        return TRANSACTION_CONTROL.matcher(this.text).matches();
    }

    /** Whether it may advance a sequence that existed before (a default, a {@code nextval} in a query). */
    boolean mayUseSequences() {
        return !SEQUENCE_FREE.matcher(this.text).matches();
    }

    /**
     * For an {@code INSERT INTO t ...} that calls no {@code nextval} itself: {@code t} as the statement writes it (the
     * caller resolves it as PostgreSQL does), else null.
     */
    String insertTarget(String sql) {
        Matcher insert = INSERT_INTO.matcher(this.text);
        if (!insert.matches() || callsNextval(sql)) {
            return null;
        }
        int at = sql.toUpperCase(Locale.ROOT).indexOf(insert.group(1));
        return (at < 0) ? null : sql.substring(at, at + insert.group(1).length());
    }

    /** An {@code UPDATE} or {@code DELETE} that neither calls {@code nextval} nor sets a column to its default. */
    boolean leavesSequences(String sql) {
        return UPDATE_OR_DELETE.matcher(this.text).matches() && !callsNextval(sql)
                && !sql.toUpperCase(Locale.ROOT).contains("DEFAULT");
    }

    private static boolean callsNextval(String sql) {
        return sql.toUpperCase(Locale.ROOT).contains("NEXTVAL");
    }

    /** {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}: its row count is worth reporting. */
    boolean changesRows() {
        return DATA_CHANGE.matcher(this.text).matches();
    }
}
