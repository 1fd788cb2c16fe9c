package io.github.idempotentmigrations.engine;

/**
 * What to do with {@code INSERT/UPDATE/DELETE/TRUNCATE/COPY} in a migration. Re-running a data statement can
 * duplicate rows or apply a change twice, so the engine needs to know whether the migration already ran here.
 */
public enum DataStatementPolicy {
    /**
     * Run a data statement unless the evidence says its migration already ran on this database: it is skipped when
     * the table it writes existed before this run and either an earlier schema statement of the same migration found
     * its object already present, or the whole run is adopting a schema that has no history. An {@code INSERT} that
     * hits a unique violation is skipped as "rows already present" rather than failing the run.
     */
    SKIP_WHEN_SCHEMA_PRESENT,
    /** Run every data statement, as plain Flyway does. */
    ALWAYS_RUN,
    /** Report a data statement in a migration whose schema was already present as a conflict. */
    FAIL
}
