package io.github.idempotentmigrations.shadow;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Builds the expected schema: plain Flyway, with the application's configuration, on the
 * shadow database, running SQL only. A Java migration or a Java callback can reach the
 * application's real database and other systems (a Spring bean's injected data source, a
 * notification), so neither ever runs on a shadow; a migration set that needs a Java
 * migration for its schema has no shadow answer ({@link #notSqlOnly}).
 */
public final class ExpectedSchema {

	// What Flyway names SQL migrations, versioned or baseline: everything else is code.
	private static final Set<String> SQL_TYPES = Set.of("SQL", "SQL_BASELINE");

	private ExpectedSchema() {
	}

	/**
	 * Why a shadow cannot build the schema up to {@code target} from these migrations:
	 * the first one up to it that is not SQL, or a callback script in the locations that
	 * is a program, for people (e.g.
	 * {@code Migration 2 "credit" is a Java migration: no shadow answer ...}); empty when
	 * all is SQL.
	 */
	public static Optional<String> notSqlOnly(Configuration application, MigrationInfo[] migrations,
			MigrationVersion target) {
		Optional<String> code = Arrays.stream(migrations)
			.filter((migration) -> !SQL_TYPES.contains(migration.getType().name())
					&& !migration.getType().isSynthetic())
			.filter((migration) -> migration.getVersion() == null || migration.getVersion().compareTo(target) <= 0)
			.findFirst()
			.map((migration) -> "Migration " + ((migration.getVersion() != null) ? migration.getVersion() + " " : "")
					+ "\"" + migration.getDescription() + "\" is a "
					+ (migration.getType().name().startsWith("JDBC") ? "Java" : migration.getType().name())
					+ " migration");
		return code
			.or(() -> CallbackScripts.firstProgram(application).map((script) -> "Callback " + script + " is a program"))
			.map((reason) -> reason + ": no shadow answer (a shadow runs SQL only: code can reach the real database and"
					+ " other systems)");
	}

	/**
	 * Migrates the shadow as plain Flyway would migrate an empty database, up to the
	 * application's target.
	 */
	public static MigrateResult build(Configuration application, DataSource shadow) {
		return build(application, shadow, application.getTarget());
	}

	/**
	 * As {@link #build(Configuration, DataSource)}, up to {@code target} only: same
	 * locations, placeholders, schemas, history table and SQL callbacks; no Java callback
	 * and no Java migration. Callers check {@link #notSqlOnly} first: a Java migration
	 * the locations hold would otherwise be left out, and the shadow would be wrong.
	 */
	public static MigrateResult build(Configuration application, DataSource shadow, MigrationVersion target) {
		return Flyway.configure(application.getClassLoader())
			.configuration(application)
			.dataSource(shadow)
			.target(target)
			.callbacks(new Callback[0])
			.javaMigrations(new JavaMigration[0])
			.load()
			.migrate();
	}

}
