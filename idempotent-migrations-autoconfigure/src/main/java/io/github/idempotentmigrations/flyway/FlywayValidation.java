package io.github.idempotentmigrations.flyway;

import java.util.Arrays;
import java.util.Objects;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.extensibility.AppliedMigration;
import org.flywaydb.core.internal.info.MigrationInfoImpl;

/**
 * What Flyway's validation before a migrate may refuse when nothing is pending: a
 * migration it ignores (below the applied version, out-of-order off) unless the
 * application lets such migrations pass ({@code *:ignored}), and one whose description or
 * type changed since it was applied (a renamed script). Where this says yes, Flyway's
 * migrate has the last word (it skips what lies below a baseline, and compares
 * descriptions as abbreviated in the history), and refuses in its own words.
 */
final class FlywayValidation {

	// what Flyway records for a script named without a description
	private static final String NO_DESCRIPTION = "<< no description >>";

	private FlywayValidation() {
	}

	/** Whether Flyway's validation may refuse this migration, as listed by its info. */
	static boolean mayRefuse(MigrationInfo migration, Configuration configuration) {
		if (migration.getState() == MigrationState.IGNORED) {
			return Arrays.stream(configuration.getIgnoreMigrationPatterns())
				.noneMatch(
						(pattern) -> pattern.matchesMigration(migration.getVersion() != null, MigrationState.IGNORED));
		}
		// Flyway's API leaves the resolved description unset: its implementation has both
		return migration instanceof MigrationInfoImpl listed && listed.getResolvedMigration() != null
				&& listed.getAppliedMigration() != null
				&& changedSinceApplied(listed.getResolvedMigration(), listed.getAppliedMigration());
	}

	private static boolean changedSinceApplied(ResolvedMigration resolved, AppliedMigration applied) {
		String recorded = NO_DESCRIPTION.equals(applied.getDescription()) ? "" : applied.getDescription();
		return !Objects.equals(resolved.getType(), applied.getType())
				|| !Objects.equals(resolved.getDescription(), recorded);
	}

}
