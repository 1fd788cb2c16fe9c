package io.github.idempotentmigrations.flyway;

/**
 * What startup does about an applied migration whose script was edited since (a checksum
 * mismatch).
 */
public enum ChecksumMismatchPolicy implements RepairChoice {

	/**
	 * Stop startup, as Flyway's own validation does, naming the migration and the
	 * choices.
	 */
	FAIL,
	/**
	 * Record the script's new checksum in the history and run nothing: the edit is
	 * declared harmless.
	 */
	REALIGN;

	@Override
	public RepairPolicy policy() {
		return (this == REALIGN) ? RepairPolicy.REPAIR : RepairPolicy.FAIL;
	}

}
