package io.github.idempotentmigrations.engine.report;

/** What the engine did with one statement. */
public enum Outcome {

	/**
	 * Ran as written: the object was absent, or the statement has no idempotency concern.
	 */
	APPLIED,
	/**
	 * Already in effect (object present and equal, data already there): nothing was run.
	 */
	SKIPPED,
	/** The object existed in part; what was missing was completed. */
	RECONCILED,
	/** The object exists but differs from what the statement describes. */
	CONFLICT,
	/**
	 * The statement failed with an error that is not about idempotency (syntax,
	 * privileges, data).
	 */
	FAILED

}
