package io.github.idempotentmigrations.shadow;

import java.util.Locale;

/**
 * The kinds of schema objects a snapshot holds, in the order gap filling creates them:
 * what an object depends on comes earlier (a dependency the order cannot know, such as a
 * view on a view, is handled by retrying).
 */
public enum ObjectKind {

	SCHEMA, EXTENSION, TYPE, SEQUENCE, FUNCTION, TABLE,
	/** A column added to a table that exists; a table created here brings its columns. */
	COLUMN,
	/**
	 * Bookkeeping: the rows the migrations put into a table, copied only into a table
	 * created here.
	 */
	ROWS,
	/**
	 * Bookkeeping: the value the migrations left in a sequence, set only on a sequence
	 * created here.
	 */
	SEQUENCE_VALUE, SEQUENCE_OWNER, CONSTRAINT, FOREIGN_KEY, INDEX, VIEW, MATERIALIZED_VIEW, TRIGGER, ROW_SECURITY,
	POLICY, COMMENT,
	/**
	 * One privilege one grantee holds on a table, sequence, view, routine or schema (its
	 * owner's own left out).
	 */
	PRIVILEGE,
	/**
	 * One grant or revoke of {@code ALTER DEFAULT PRIVILEGES}: last, so that objects
	 * created here get the privileges the migrations gave them, not these.
	 */
	DEFAULT_PRIVILEGE;

	/** Whether creating the parent object creates this one too. */
	boolean createdWithParent() {
		return this == COLUMN;
	}

	/**
	 * Whether it describes state rather than an object: never reported as different or
	 * extra.
	 */
	boolean bookkeeping() {
		return this == ROWS || this == SEQUENCE_VALUE;
	}

	/**
	 * Whether drift repair re-creates a missing one: never a privilege (a grant is a
	 * security decision, not a shape).
	 */
	public boolean recreatedByDriftRepair() {
		return this != PRIVILEGE && this != DEFAULT_PRIVILEGE && !bookkeeping();
	}

	/** For people: {@code foreign key}, {@code materialized view}. */
	String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

}
