package io.github.idempotentmigrations.conformance;

import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * Compares a database with what plain Flyway built, printing the differences when they
 * are not alike.
 */
final class SnapshotAssert {

	private SnapshotAssert() {
	}

	/**
	 * Catalog, application rows (timestamps masked), row counts and history of
	 * {@code database} must be alike plain Flyway's; CHECK and FOREIGN KEY texts are
	 * compared as PostgreSQL parses them again.
	 */
	static void alike(DatabaseSnapshot expected, TestDatabase database, String what) {
		alike(expected, DatabaseSnapshot.of(database), database, what);
	}

	/**
	 * As above, for a snapshot of {@code database} the caller has narrowed (to the rows
	 * it had, say).
	 */
	static void alike(DatabaseSnapshot expected, DatabaseSnapshot actual, TestDatabase database, String what) {
		DatabaseSnapshot aligned = ReparsedCheckConstraints.alignedTo(expected, actual, database);
		String differences = DatabaseSnapshot.differences(expected.withTimestampsMasked(),
				aligned.withTimestampsMasked());
		if (!differences.isEmpty()) {
			throw new AssertionError(
					what + " differs from plain Flyway (- plain Flyway only, + starter only):\n" + differences);
		}
	}

	/**
	 * Nothing may have changed: catalog, every row and the history, timestamps included.
	 */
	static void unchanged(DatabaseSnapshot before, DatabaseSnapshot after, String what) {
		if (!before.equals(after)) {
			String differences = DatabaseSnapshot.differences(before, after);
			throw new AssertionError(what + " changed the database (- before, + after):\n"
					+ (differences.isEmpty() ? "history timestamps or Flyway's own rows" : differences));
		}
	}

}
