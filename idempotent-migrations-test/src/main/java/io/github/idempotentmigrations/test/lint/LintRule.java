package io.github.idempotentmigrations.test.lint;

import java.util.Arrays;

/**
 * A risky statement shape. By default a rule whose statement loses data or blocks writes
 * is an {@link Severity#ERROR}; one that breaks an older application version still
 * running, or that the engine can only run as written and never reconcile, is a
 * {@link Severity#WARNING}.
 */
public enum LintRule {

	/**
	 * {@code ADD COLUMN ... NOT NULL} on an existing table, with neither a DEFAULT nor
	 * GENERATED.
	 */
	ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT("add-column-not-null-without-default", Impact.BLOCKS_WRITES,
			"On a table with rows it fails (\"contains null values\") after scanning the table under an ACCESS"
					+ " EXCLUSIVE lock that blocks reads and writes.",
			"Add the column nullable (or with a constant DEFAULT), backfill it in batches, then add a CHECK (c IS NOT"
					+ " NULL) NOT VALID, VALIDATE it, and SET NOT NULL."),

	/** {@code CREATE INDEX} on an existing table without CONCURRENTLY. */
	CREATE_INDEX_WITHOUT_CONCURRENTLY("create-index-without-concurrently", Impact.BLOCKS_WRITES,
			"Builds the index under a SHARE lock: every INSERT, UPDATE and DELETE on the table waits for the whole"
					+ " build.",
			"CREATE INDEX CONCURRENTLY, alone in a migration of its own (it cannot run in a transaction)."),

	/**
	 * {@code DROP INDEX} of an index not created in the same migration, without
	 * CONCURRENTLY.
	 */
	DROP_INDEX_WITHOUT_CONCURRENTLY("drop-index-without-concurrently", Impact.BLOCKS_WRITES,
			"Takes an ACCESS EXCLUSIVE lock on the index's table; while it waits behind a long query every other"
					+ " statement on the table queues behind it.",
			"DROP INDEX CONCURRENTLY, alone in a migration of its own."),

	/**
	 * A column type change on an existing table that is not a widening PostgreSQL does in
	 * place, or that has USING.
	 */
	ALTER_COLUMN_TYPE_REWRITE("alter-column-type-rewrite", Impact.BLOCKS_WRITES,
			"Changing to a type that is not binary-compatible rewrites the whole table and its indexes under an ACCESS"
					+ " EXCLUSIVE lock.",
			"Add a column of the new type, backfill it in batches, switch the application over, then drop the old"
					+ " column; or widen only (varchar(n) to varchar(m > n) or text, numeric precision up)."),

	/** A FOREIGN KEY or CHECK added to an existing table without NOT VALID. */
	CONSTRAINT_WITHOUT_NOT_VALID("constraint-without-not-valid", Impact.BLOCKS_WRITES,
			"Adding a FOREIGN KEY or CHECK to an existing table scans every row while holding a lock that blocks"
					+ " writes.",
			"ADD CONSTRAINT ... NOT VALID (instant), then ALTER TABLE ... VALIDATE CONSTRAINT ... (scans without"
					+ " blocking writes), ideally in a later migration."),

	/**
	 * {@code SET NOT NULL} on an existing table, with no validated
	 * {@code CHECK (c IS NOT NULL)} proving it.
	 */
	SET_NOT_NULL_WITHOUT_CHECK("set-not-null-without-check", Impact.BLOCKS_WRITES,
			"SET NOT NULL scans the whole table under an ACCESS EXCLUSIVE lock unless a validated CHECK (c IS NOT"
					+ " NULL) already proves it.",
			"ADD CONSTRAINT c_not_null CHECK (c IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c_not_null; then SET NOT"
					+ " NULL (no scan) and drop the check."),

	/** {@code DROP COLUMN} on an existing table. */
	DROP_COLUMN("drop-column", Impact.LOSES_DATA,
			"Destroys the column's data, and the application version still running during the deployment fails on"
					+ " every query that names it.",
			"Stop using the column in one release (remove it from the code), drop it in a later migration."),

	/** {@code DROP TABLE} of an existing table. */
	DROP_TABLE("drop-table", Impact.LOSES_DATA,
			"Destroys the table's rows, and the application version still running during the deployment fails on"
					+ " every query that names it.",
			"Stop using the table in one release, drop it in a later migration (after a backup if it held data)."),

	/** {@code RENAME COLUMN} on an existing table. */
	RENAME_COLUMN("rename-column", Impact.BREAKS_RUNNING_VERSION,
			"The application version still running during the deployment knows only the old name and fails.",
			"Add the new column, write both, backfill, switch reads, then drop the old one (expand and contract); or"
					+ " keep the old name visible through a view."),

	/** {@code ALTER TABLE ... RENAME TO} of an existing table. */
	RENAME_TABLE("rename-table", Impact.BREAKS_RUNNING_VERSION,
			"The application version still running during the deployment knows only the old name and fails.",
			"Create the new table (or a view under the new name), move the application over, then drop the old one."),

	/** {@code VACUUM FULL}. */
	VACUUM_FULL("vacuum-full", Impact.BLOCKS_WRITES,
			"Rewrites the whole table under an ACCESS EXCLUSIVE lock that blocks reads and writes for its duration.",
			"Plain VACUUM (no lock on writes), or an online repack tool outside the migrations."),

	/** {@code CLUSTER}. */
	CLUSTER("cluster", Impact.BLOCKS_WRITES,
			"Rewrites the whole table under an ACCESS EXCLUSIVE lock that blocks reads and writes for its duration.",
			"Leave physical ordering to maintenance outside the migrations (an online repack tool)."),

	/**
	 * {@code LOCK TABLE} in a mode stronger than ROW EXCLUSIVE (ACCESS EXCLUSIVE when no
	 * mode is given).
	 */
	LOCK_TABLE("lock-table", Impact.BLOCKS_WRITES,
			"An explicit lock in SHARE mode or stronger blocks every writer for the rest of the migration's"
					+ " transaction.",
			"Let each statement take the lock it needs; keep migrations short; set lock_timeout."),

	/** A DO block whose body holds DDL or dynamic SQL ({@code EXECUTE}). */
	DDL_IN_DO_BLOCK("ddl-in-do-block", Impact.CANNOT_BE_RECONCILED,
			"DDL inside a DO block or run through EXECUTE is invisible to the engine: it can only run as written under"
					+ " a savepoint, so an object that already exists makes it fail instead of being compared and"
					+ " skipped.",
			"Write the DDL as plain statements in the migration; the starter makes them idempotent.");

	/** Why a rule's statement hurts, which decides its default severity. */
	public enum Impact {

		/** It destroys data: a column's or a table's. */
		LOSES_DATA,
		/** It holds a lock that blocks writes (or reads too) while it runs. */
		BLOCKS_WRITES,
		/** The application version still running during the deployment fails after it. */
		BREAKS_RUNNING_VERSION,
		/** The engine can only run it as written, never compare and skip it. */
		CANNOT_BE_RECONCILED

	}

	private final String id;

	private final Impact impact;

	private final String why;

	private final String saferForm;

	LintRule(String id, Impact impact, String why, String saferForm) {
		this.id = id;
		this.impact = impact;
		this.why = why;
		this.saferForm = saferForm;
	}

	/** The id used in ignore comments and reports, e.g. {@code drop-column}. */
	public String id() {
		return this.id;
	}

	public Impact impact() {
		return this.impact;
	}

	public String why() {
		return this.why;
	}

	public String saferForm() {
		return this.saferForm;
	}

	/** ERROR for rules that lose data or block writes, WARNING for the others. */
	public Severity defaultSeverity() {
		return (this.impact == Impact.LOSES_DATA || this.impact == Impact.BLOCKS_WRITES) ? Severity.ERROR
				: Severity.WARNING;
	}

	/** The rule with this id. */
	public static LintRule byId(String id) {
		return Arrays.stream(values())
			.filter((rule) -> rule.id.equals(id))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"No lint rule '" + id + "'; the rules are " + Arrays.stream(values()).map(LintRule::id).toList()));
	}

}
