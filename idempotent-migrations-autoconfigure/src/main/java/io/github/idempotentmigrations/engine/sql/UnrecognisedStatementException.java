package io.github.idempotentmigrations.engine.sql;

/**
 * Thrown by the statement parsers as soon as a statement stops looking like what it
 * claims to be; {@link StatementClassifier} turns it into {@link StatementKind#UNKNOWN}.
 */
final class UnrecognisedStatementException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	UnrecognisedStatementException() {
		// control flow, not an error: no message, no stack trace
		super(null, null, false, false);
	}

}
