package io.github.idempotentmigrations.engine;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import org.jspecify.annotations.Nullable;

/**
 * The one exception startup fails with when the database cannot be brought to the state
 * the migrations describe. It carries what stopped startup and the full report; a failure
 * analyzer turns them into an explanation.
 */
public class SchemaConvergenceException extends RuntimeException {

	private final StopReason reason;

	private final transient MigrationReport report;

	public SchemaConvergenceException(StopReason reason, String message, MigrationReport report,
			@Nullable Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.report = report;
	}

	/** What stopped startup, as the code that stopped it knows it. */
	public StopReason reason() {
		return this.reason;
	}

	public MigrationReport report() {
		return this.report;
	}

}
