package io.github.idempotentmigrations.engine;

import io.github.idempotentmigrations.engine.report.StatementResult;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a statement cannot be made to converge (a conflict under
 * {@link ConflictPolicy#FAIL}, or a real error): the migration's transaction rolls back
 * and the run stops.
 */
public class StatementRejectedException extends RuntimeException {

	private final transient StatementResult result;

	public StatementRejectedException(StatementResult result, @Nullable Throwable cause) {
		super(result.outcome() + " in statement " + result.index() + " (" + result.kind() + " "
				+ ((result.object() != null) ? result.object() : "") + "): " + result.reason(), cause);
		this.result = result;
	}

	public StatementResult result() {
		return this.result;
	}

}
