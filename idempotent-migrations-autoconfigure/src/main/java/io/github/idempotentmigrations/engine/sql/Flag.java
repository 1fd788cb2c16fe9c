package io.github.idempotentmigrations.engine.sql;

/** Modifiers found on a statement or an {@code ALTER TABLE} action. */
public enum Flag {
    IF_NOT_EXISTS,
    IF_EXISTS,
    OR_REPLACE,
    CONCURRENTLY,
    UNIQUE,
    TEMPORARY,
    UNLOGGED,
    /** {@code ALTER TABLE ONLY} / {@code CREATE INDEX ... ON ONLY}. */
    ONLY,
    /** {@code CREATE TABLE ... PARTITION OF}. */
    PARTITION_OF,
    /** {@code DROP ... CASCADE}. */
    CASCADE,
    /** {@code CREATE MATERIALIZED VIEW ... WITH NO DATA}. */
    WITH_NO_DATA
}
