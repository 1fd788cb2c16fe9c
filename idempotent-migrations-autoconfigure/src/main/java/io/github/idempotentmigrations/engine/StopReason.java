package io.github.idempotentmigrations.engine;

/**
 * What stopped startup, as the code that stopped it knows it: a failure analyzer turns it
 * into advice. An error in the exception's cause (its SQLSTATE) and a statement the
 * report shows as refused say more, and are read first. When problems of several reasons
 * stop startup together, the one declared first names it.
 */
public enum StopReason {

	/**
	 * Flyway's connection goes through a pooler in transaction mode; nothing was read or
	 * changed.
	 */
	TRANSACTION_POOLER,

	/**
	 * An applied migration was edited since, and
	 * {@code idempotent-migrations.repair.checksum-mismatches} stops.
	 */
	CHECKSUM_MISMATCH,

	/**
	 * An {@code idempotent-migrations.repair.*} setting decides: a policy stops startup,
	 * or a person's word that only such a setting gives ({@code resume-after},
	 * {@code assume-applied}) is missing or does not hold.
	 */
	REPAIR_SETTING,

	/**
	 * The schema cannot be brought to the migrations' state: an error, a conflict, or
	 * what verification found.
	 */
	NOT_CONVERGED

}
