package io.github.idempotentmigrations.flyway;

import java.util.Arrays;
import java.util.Objects;

import org.flywaydb.core.api.CoreMigrationType;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.resolver.ResolvedMigration;
import org.flywaydb.core.extensibility.AppliedMigration;
import org.flywaydb.core.internal.info.MigrationInfoImpl;
import org.flywaydb.core.internal.util.AbbreviationUtils;
import org.jspecify.annotations.Nullable;

/**
 * What Flyway's validation before a migrate refuses when nothing is pending, checked in
 * its order: nothing an ignore pattern matches; a migration it ignores (below the applied
 * version, out-of-order off) unless it is a baseline or undo migration; one whose
 * description or type changed since it was applied (a renamed script), unless it lies at
 * or below the applied baseline. Flyway's info lists every migration with a pattern that
 * ignores all, so its own check of one says nothing; and its API leaves the resolved
 * description unset: this reads both sides from its implementation. Where this says yes,
 * Flyway's migrate refuses in its own words.
 */
final class FlywayValidation {

	// what Flyway records for a script named without a description
	private static final String NO_DESCRIPTION = "<< no description >>";

	private final Configuration configuration;

	private final @Nullable MigrationVersion appliedBaseline;

	private FlywayValidation(Configuration configuration, MigrationInfo[] all) {
		this.configuration = configuration;
		this.appliedBaseline = Arrays.stream(all)
			.filter((migration) -> migration.isApplied() && migration.getType().isBaseline()
					&& migration.getVersion() != null)
			.map(MigrationInfo::getVersion)
			.max(MigrationVersion::compareTo)
			.orElse(null);
	}

	/** Whether Flyway's validation before a migrate refuses one of {@code all}. */
	static boolean refusesAny(Configuration configuration, MigrationInfo[] all) {
		FlywayValidation validation = new FlywayValidation(configuration, all);
		return Arrays.stream(all).anyMatch(validation::refuses);
	}

	private boolean refuses(MigrationInfo migration) {
		boolean versioned = migration.getVersion() != null;
		if (Arrays.stream(this.configuration.getIgnoreMigrationPatterns())
			.anyMatch((pattern) -> pattern.matchesMigration(versioned, migration.getState()))) {
			return false;
		}
		if (!(migration instanceof MigrationInfoImpl listed) || listed.getResolvedMigration() == null) {
			return false;
		}
		ResolvedMigration resolved = listed.getResolvedMigration();
		if (migration.getState() == MigrationState.IGNORED) {
			return !resolved.getType().isBaseline() && !resolved.getType().isUndo();
		}
		AppliedMigration applied = listed.getAppliedMigration();
		if (applied == null || applied.getType() == CoreMigrationType.DELETE || applied.getType().isUndo() || versioned
				&& this.appliedBaseline != null && migration.getVersion().compareTo(this.appliedBaseline) <= 0) {
			return false;
		}
		return !Objects.equals(resolved.getType(), applied.getType()) || describedOtherwise(resolved, applied);
	}

	private static boolean describedOtherwise(ResolvedMigration resolved, AppliedMigration applied) {
		return NO_DESCRIPTION.equals(applied.getDescription()) ? !resolved.getDescription().isEmpty()
				: !AbbreviationUtils.abbreviateDescription(resolved.getDescription()).equals(applied.getDescription());
	}

}
