package io.github.idempotentmigrations.shadow;

import java.util.Locale;

/**
 * The kinds of schema objects a snapshot holds, in the order gap filling creates them:
 * what an object depends on comes earlier (a dependency the order cannot know, such as a
 * view on a view, is handled by retrying).
 */
public enum ObjectKind {

	/** A schema other than PostgreSQL's own. */
	SCHEMA,
	/** An installed extension and the schema it lives in. */
	EXTENSION,
	/** An enum type, a domain or a stand-alone composite type. */
	TYPE,
	/** A sequence's definition (not an identity column's, nor its value). */
	SEQUENCE,
	/** A function, procedure or aggregate. */
	FUNCTION,
	/** A plain or partitioned table with its columns. */
	TABLE,
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
	SEQUENCE_VALUE,
	/** The column that owns a sequence ({@code OWNED BY}). */
	SEQUENCE_OWNER,
	/** A primary key, unique, check or exclusion constraint. */
	CONSTRAINT,
	/** A foreign key constraint. */
	FOREIGN_KEY,
	/** An index of its own, not one behind a constraint or a partition's copy. */
	INDEX,
	/** A view. */
	VIEW,
	/** A materialized view, populated or not. */
	MATERIALIZED_VIEW,
	/** A trigger, not an internal one nor a partition's copy. */
	TRIGGER,
	/** Row level security enabled (and whether forced) on a table. */
	ROW_SECURITY,
	/** A row security policy. */
	POLICY,
	/** A comment on an object. */
	COMMENT,
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
