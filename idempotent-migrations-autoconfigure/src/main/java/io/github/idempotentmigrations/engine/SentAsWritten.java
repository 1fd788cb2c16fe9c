package io.github.idempotentmigrations.engine;

import java.util.regex.Pattern;

/**
 * Statements that a savepoint in front of them would break or that no savepoint can help:
 * {@code SET TRANSACTION} (and {@code SET TRANSACTION SNAPSHOT}) must come before any
 * query of its transaction, and what cannot run in a transaction block fails there
 * anyway. They are sent exactly as plain Flyway sends them.
 */
final class SentAsWritten {

	private static final Pattern STATEMENTS = Pattern.compile("^(SET\\s+TRANSACTION|VACUUM|ALTER\\s+SYSTEM"
			+ "|(CREATE|DROP)\\s+(DATABASE|TABLESPACE)|(CREATE|DROP|REINDEX)\\b(\\s+\\S+){0,5}?\\s+CONCURRENTLY)\\b.*",
			Pattern.DOTALL);

	private SentAsWritten() {
	}

	static boolean applies(StatementHead head) {
		return STATEMENTS.matcher(head.text()).matches();
	}

}
