package io.github.idempotentmigrations.test.lint;

import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * One SQL migration as Flyway names it.
 *
 * @param version its version, or null for a repeatable migration
 * @param name the script's file name
 * @param text the script
 */
record MigrationScript(@Nullable MigrationVersion version, String name,
		String text) implements Comparable<MigrationScript> {

	/**
	 * Versioned migrations by version, then repeatable ones by name, as Flyway runs them.
	 */
	@Override
	public int compareTo(MigrationScript other) {
		if (this.version == null || other.version == null) {
			return (this.version == null && other.version == null) ? this.name.compareTo(other.name)
					: ((this.version != null) ? -1 : 1);
		}
		return this.version.compareTo(other.version);
	}

	/** The version as text ("2.1"), or the script name for a repeatable migration. */
	String label() {
		return (this.version != null) ? this.version.getVersion() : this.name;
	}
}
