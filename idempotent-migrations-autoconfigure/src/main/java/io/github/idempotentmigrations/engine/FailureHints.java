package io.github.idempotentmigrations.engine;

import java.sql.SQLException;

import io.github.idempotentmigrations.engine.sql.ClassifiedStatement;
import io.github.idempotentmigrations.engine.sql.StatementKind;

/**
 * PostgreSQL's own message for a failed statement, plus what to do where the cause is a
 * known shape.
 */
final class FailureHints {

	private FailureHints() {
	}

	static String explain(ClassifiedStatement statement, Exception failure) {
		String message = failure.getMessage();
		String state = (failure instanceof SQLException sql) ? sql.getSQLState() : null;
		if (SqlStates.UNIQUE_VIOLATION.equals(state) && statement.kind() == StatementKind.INSERT) {
			return message + ". The rows already exist: make the INSERT `ON CONFLICT DO NOTHING` in a new migration,"
					+ " or remove the rows, then start again";
		}
		if (SqlStates.signalsExistence(state)
				&& (statement.kind() == StatementKind.DO_BLOCK || statement.kind() == StatementKind.UNKNOWN)) {
			return message + ". DDL inside a DO block or dynamic SQL can only run as written: the engine cannot"
					+ " split or compare it. Create the object in its own statement, or guard it with IF NOT EXISTS";
		}
		return message;
	}

}
