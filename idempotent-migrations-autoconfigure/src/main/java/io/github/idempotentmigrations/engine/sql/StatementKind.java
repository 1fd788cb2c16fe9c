package io.github.idempotentmigrations.engine.sql;

/** What a statement does, as far as the engine needs to know to make it idempotent. */
public enum StatementKind {

	/** {@code CREATE [TEMP | UNLOGGED] TABLE}, including {@code PARTITION OF}. */
	CREATE_TABLE,
	/**
	 * {@code CREATE TABLE ... AS} / {@code SELECT ... INTO}: builds a table from a query.
	 */
	CREATE_TABLE_AS,
	/**
	 * {@code ALTER TABLE}; the individual changes are in
	 * {@link ClassifiedStatement#actions()}.
	 */
	ALTER_TABLE,
	/** {@code CREATE [UNIQUE] INDEX}. */
	CREATE_INDEX,
	/** {@code ALTER INDEX ... RENAME TO}. */
	RENAME_INDEX,
	/** {@code CREATE TYPE ... AS ENUM}. */
	CREATE_ENUM_TYPE,
	/** {@code CREATE TYPE ... AS (...)}: a composite type. */
	CREATE_COMPOSITE_TYPE,
	/** Any other {@code CREATE TYPE} (range, base, shell). */
	CREATE_OTHER_TYPE,
	/** {@code CREATE DOMAIN}. */
	CREATE_DOMAIN,
	/** {@code ALTER TYPE ... ADD VALUE}: a new label of an enum type. */
	ALTER_TYPE_ADD_VALUE,
	/** {@code ALTER TYPE ... RENAME VALUE ... TO ...}. */
	ALTER_TYPE_RENAME_VALUE,
	/** {@code CREATE SEQUENCE}. */
	CREATE_SEQUENCE,
	/** {@code CREATE SCHEMA}, without schema elements. */
	CREATE_SCHEMA,
	/** {@code CREATE EXTENSION}. */
	CREATE_EXTENSION,
	/** {@code CREATE [OR REPLACE] VIEW}. */
	CREATE_VIEW,
	/** {@code CREATE MATERIALIZED VIEW}. */
	CREATE_MATERIALIZED_VIEW,
	/** {@code CREATE [OR REPLACE] FUNCTION}. */
	CREATE_FUNCTION,
	/** {@code CREATE [OR REPLACE] PROCEDURE}. */
	CREATE_PROCEDURE,
	/** {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER}. */
	CREATE_TRIGGER,
	/** {@code CREATE POLICY}: a row security policy on a table. */
	CREATE_POLICY,
	/**
	 * {@code DROP <object type> ...}; the type is in
	 * {@link ClassifiedStatement#objectType()}.
	 */
	DROP,
	/**
	 * {@code ALTER <object type> ... RENAME TO} for objects other than tables and indexes
	 * (views, sequences, types...).
	 */
	RENAME_OTHER,
	/** {@code COMMENT ON}. */
	COMMENT,
	/** {@code GRANT}. */
	GRANT,
	/** {@code REVOKE}. */
	REVOKE,
	/** {@code DO}: an anonymous code block, not looked into. */
	DO_BLOCK,
	/** {@code INSERT INTO}: a data change. */
	INSERT,
	/** {@code UPDATE}: a data change. */
	UPDATE,
	/** {@code DELETE FROM}: a data change. */
	DELETE,
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
