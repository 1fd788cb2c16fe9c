package io.github.idempotentmigrations.engine.sql;

/**
 * Modifiers of a statement or an {@code ALTER TABLE} action that the engine or the lint
 * acts on. Each is recorded only where something reads it; other modifiers are parsed
 * past and not recorded.
 */
public enum Flag {

	/** {@code ALTER TABLE ... ADD [COLUMN] IF NOT EXISTS}. */
	IF_NOT_EXISTS,
	/** {@code DROP ... IF EXISTS}. */
	IF_EXISTS,
	/** {@code CREATE INDEX CONCURRENTLY} / {@code DROP INDEX CONCURRENTLY}. */
	CONCURRENTLY,
	/** {@code CREATE TEMP[ORARY] TABLE}. */
	TEMPORARY,
	/** {@code CREATE UNLOGGED TABLE}. */
	UNLOGGED,
	/** {@code ALTER TABLE ONLY}. */
	ONLY,
	/** {@code CREATE TABLE ... PARTITION OF}. */
	PARTITION_OF

}
