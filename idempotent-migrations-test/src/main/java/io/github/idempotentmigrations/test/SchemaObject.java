package io.github.idempotentmigrations.test;

/**
 * An object a migration builds, with the statement that builds it again as PostgreSQL describes it.
 *
 * @param kind what it is: schema, sequence, type, table, column, constraint, index, function, view, trigger
 * @param identity its name, qualified enough to be unique among objects of its kind; for a column its table and
 * position, {@code schema.table#3}
 * @param ddl the statement that creates it
 * @param dropDdl the statement that drops it (and what depends on it), or null for a schema
 */
record SchemaObject(String kind, String identity, String ddl, String dropDdl) {

    @Override
    public String toString() {
        return this.kind + " " + this.identity;
    }
}
