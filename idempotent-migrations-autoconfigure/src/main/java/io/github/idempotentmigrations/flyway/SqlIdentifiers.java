package io.github.idempotentmigrations.flyway;

/** Quoting of identifiers taken from configuration or the catalog, so odd names cannot break or inject SQL. */
final class SqlIdentifiers {

    private SqlIdentifiers() {
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
