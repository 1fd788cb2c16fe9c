package io.github.idempotentmigrations.conformance;

import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;

/** Compares a database with what plain Flyway built, printing the differences when they are not alike. */
final class SnapshotAssert {

    private SnapshotAssert() {
    }

    /** Catalog, application rows (timestamps masked), row counts and history must be alike. */
    static void alike(DatabaseSnapshot expected, DatabaseSnapshot actual, String what) {
        String differences = DatabaseSnapshot.differences(expected.withTimestampsMasked(),
                actual.withTimestampsMasked());
        if (!differences.isEmpty()) {
            throw new AssertionError(what + " differs from plain Flyway (- plain Flyway only, + starter only):\n"
                    + differences);
        }
    }

    /** Nothing may have changed: catalog, every row and the history, timestamps included. */
    static void unchanged(DatabaseSnapshot before, DatabaseSnapshot after, String what) {
        if (!before.equals(after)) {
            String differences = DatabaseSnapshot.differences(before, after);
            throw new AssertionError(what + " changed the database (- before, + after):\n"
                    + (differences.isEmpty() ? "history timestamps or Flyway's own rows" : differences));
        }
    }
}
