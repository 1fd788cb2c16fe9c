package io.github.idempotentmigrations.flyway;

import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.flyway.Finding.Kind;
import org.flywaydb.core.api.MigrationInfo;

/**
 * What inspection found before anything was changed.
 *
 * @param historyHasRows whether the history records any migration
 * @param userBaseline whether the user's Flyway baselines a schema without history itself
 * (baseline-on-migrate)
 * @param objectsWithoutHistory whether the migrated schemas hold objects other than the
 * history table while the history records nothing (with history, the catalog is not read
 * for it)
 * @param failed history rows of failed migrations
 * @param checksumMismatches applied migrations whose script changed since
 * @param missing applied migrations no longer found in the configured locations
 * @param pending migrations not yet applied (versioned) or changed since (repeatable)
 * @param invalidIndexes INVALID indexes not being built right now that no migration about
 * to run creates: findings
 * @param rebuiltIndexes INVALID indexes not being built right now that a migration about
 * to run creates: its statement rebuilds them, so they are not findings
 * @param indexesBeingBuilt INVALID indexes another session was building: left to it
 */
record InspectionResult(boolean historyHasRows, boolean userBaseline, boolean objectsWithoutHistory,
		List<MigrationInfo> failed, List<MigrationInfo> checksumMismatches, List<MigrationInfo> missing,
		List<MigrationInfo> pending, List<InvalidIndex> invalidIndexes, List<IndexRebuild> rebuiltIndexes,
		List<InvalidIndex> indexesBeingBuilt) {

	/**
	 * A non-empty schema Flyway has no history for and would refuse to migrate. With the
	 * user's own baseline, the user says which versions are there: Flyway baselines and
	 * migrates the rest.
	 */
	boolean unhistoriedSchema() {
		return this.objectsWithoutHistory && !this.userBaseline;
	}

	/** Everything found that a repair policy applies to, in the order repairs happen. */
	List<Finding> findings() {
		List<Finding> findings = new ArrayList<>();
		if (unhistoriedSchema()) {
			findings.add(new Finding(Kind.UNHISTORIED_SCHEMA, "schema",
					"The schema holds tables or other objects but has no Flyway history"));
		}
		this.failed.forEach((m) -> findings.add(new Finding(Kind.FAILED_MIGRATION, label(m),
				"Migration " + label(m) + " failed in an earlier run and is recorded as failed in the history")));
		this.checksumMismatches.forEach((m) -> findings.add(new Finding(Kind.CHECKSUM_MISMATCH, label(m),
				"Migration " + label(m) + " was edited after it was applied (checksum " + m.getAppliedChecksum()
						+ " in the history, " + m.getResolvedChecksum() + " for " + m.getScript() + " now)",
				"Either restore the script as it was applied; or, when the edit changes nothing the database needs"
						+ " (a comment, formatting), set " + Kind.CHECKSUM_MISMATCH.property() + "=realign to record"
						+ " the new checksum without running anything. A schema change belongs in a new migration:"
						+ " an applied script is never run again.")));
		this.missing.forEach((m) -> findings.add(new Finding(Kind.MISSING_MIGRATION, label(m),
				"Migration " + label(m) + " is in the history but no longer in the configured locations")));
		this.invalidIndexes.forEach((index) -> findings.add(new Finding(Kind.INVALID_INDEX, index.toString(),
				"Index " + index + " is INVALID (left by a concurrent index build that failed or was killed) and no"
						+ " migration about to run creates it",
				// Startup never does this itself: the index may be one a person is
				// dealing with right now.
				"Rebuild it by hand with REINDEX INDEX CONCURRENTLY " + index.qualifiedName() + ", or drop it with"
						+ " DROP INDEX CONCURRENTLY " + index.qualifiedName() + "; or add a migration that creates it"
						+ " again: its CREATE INDEX rebuilds an INVALID index of that name.")));
		return findings;
	}

	static String label(MigrationInfo migration) {
		return ((migration.getVersion() != null) ? migration.getVersion().getVersion() : "repeatable") + " \""
				+ migration.getDescription() + "\"";
	}

	/**
	 * An index left INVALID, typically by a {@code CREATE INDEX CONCURRENTLY} that failed
	 * or was killed.
	 */
	record InvalidIndex(String schema, String name, String table) {

		String qualifiedName() {
			return new ObjectName(this.schema, this.name).toSql();
		}

		@Override
		public String toString() {
			return this.schema + "." + this.name + " on " + this.schema + "." + this.table;
		}
	}

	/**
	 * An INVALID index and the migration about to run whose {@code CREATE INDEX} rebuilds
	 * it.
	 */
	record IndexRebuild(InvalidIndex index, MigrationInfo migration) {

		String description() {
			return "Index " + this.index + " is INVALID; migration " + label(this.migration)
					+ " creates it and rebuilds it when it runs";
		}
	}
}
