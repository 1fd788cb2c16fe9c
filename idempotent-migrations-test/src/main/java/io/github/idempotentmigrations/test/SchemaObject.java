package io.github.idempotentmigrations.test;

/**
 * An object a migration builds, with the statement that builds it again as PostgreSQL describes it.
 *
 * @param kind what it is: schema, sequence, type, table, column, constraint, index, function, view, trigger
 * @param identity its name, qualified enough to be unique among objects of its kind
 * @param ddl the statement that creates it
 */
record SchemaObject(String kind, String identity, String ddl) {

    @Override
    public String toString() {
        return this.kind + " " + this.identity;
    }
}
