package io.github.idempotentmigrations.engine.sql;

/** What a statement does, as far as the engine needs to know to make it idempotent. */
public enum StatementKind {

	CREATE_TABLE,
	/**
	 * {@code CREATE TABLE ... AS} / {@code SELECT ... INTO}: builds a table from a query.
	 */
	CREATE_TABLE_AS,
	/**
	 * {@code ALTER TABLE}; the individual changes are in
	 * {@link ClassifiedStatement#actions()}.
	 */
	ALTER_TABLE, CREATE_INDEX,
	/** {@code ALTER INDEX ... RENAME TO}. */
	RENAME_INDEX, CREATE_ENUM_TYPE, CREATE_COMPOSITE_TYPE,
	/** Any other {@code CREATE TYPE} (range, base, shell). */
	CREATE_OTHER_TYPE, CREATE_DOMAIN, ALTER_TYPE_ADD_VALUE,
	/** {@code ALTER TYPE ... RENAME VALUE ... TO ...}. */
	ALTER_TYPE_RENAME_VALUE, CREATE_SEQUENCE, CREATE_SCHEMA, CREATE_EXTENSION, CREATE_VIEW, CREATE_MATERIALIZED_VIEW,
	CREATE_FUNCTION, CREATE_PROCEDURE, CREATE_TRIGGER, CREATE_POLICY,
	/**
	 * {@code DROP <object type> ...}; the type is in
	 * {@link ClassifiedStatement#objectType()}.
	 */
	DROP,
	/**
	 * {@code ALTER <object type> ... RENAME TO} for objects other than tables and indexes
	 * (views, sequences, types...).
	 */
	RENAME_OTHER, COMMENT, GRANT, REVOKE, DO_BLOCK, INSERT, UPDATE, DELETE,
	/** {@code TRUNCATE}: a data change, treated like {@link #DELETE}. */
	TRUNCATE,
	/** {@code COPY ... FROM STDIN} and friends: data load. */
	COPY,
	/**
	 * {@code SELECT}, {@code SET}, {@code SHOW}, {@code CALL},
	 * {@code REFRESH MATERIALIZED VIEW}, ...: no schema change.
	 */
	UTILITY,
	/** Not recognised: never guessed at. */
	UNKNOWN;

	/** Whether this statement changes rows rather than schema. */
	public boolean isDataChange() {
		return this == INSERT || this == UPDATE || this == DELETE || this == TRUNCATE || this == COPY;
	}

}
