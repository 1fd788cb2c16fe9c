package io.github.idempotentmigrations.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.flyway.MigrationRunTracker;
import io.github.idempotentmigrations.tenants.TenantFlyway;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.jspecify.annotations.Nullable;

/**
 * The starter's tenant layout ({@code idempotent-migrations.tenants.*}): the
 * application's migrations run in each tenant schema, each with its own history table
 * there and {@code ${tenant}} set to the schema's name, after Spring Boot's own
 * migration. Here every migration is a tenant's: Boot's own Flyway is given no location.
 *
 * @param migrations the application's migrations
 * @param schemas the tenant schemas, in the order the starter migrates them
 */
record TenantLayout(Migrations migrations, List<String> schemas) {

	TenantLayout {
		schemas = List.copyOf(schemas);
	}

	/** One tenant's migrations, configured by the starter's own {@link TenantFlyway}. */
	Migrations tenant(String schema) {
		// TenantFlyway binds the engine's statement callback to a tracker of the
		// tenant's; runs here leave that callback out (plain runs) or get the starter's
		// own (starts), so this tracker never sees a statement
		MigrationRunTracker unused = new MigrationRunTracker(EngineSettings.defaults());
		return new Migrations(
				new TenantFlyway(this.migrations.source(), List.of()).create(schema, unused).getConfiguration());
	}

	/**
	 * What Boot's own Flyway gets in a start: the application's configuration without any
	 * location.
	 */
	Migrations bootFlyway() {
		return new Migrations(Flyway.configure(this.migrations.source().getClassLoader())
			.configuration(this.migrations.source())
			.locations(new String[0]));
	}

	/**
	 * The starter settings of the layout; one tenant at a time, so that a seeded kill
	 * lands in the tenant's run.
	 */
	Map<String, String> properties() {
		String locations = String.join(",",
				Arrays.stream(this.migrations.source().getLocations()).map(Location::getDescriptor).toList());
		return Map.of("idempotent-migrations.tenants.schemas", String.join(",", this.schemas),
				"idempotent-migrations.tenants.locations", locations, "idempotent-migrations.tenants.parallelism", "1");
	}

	/** Plain Flyway in every tenant schema but {@code except} (null: every one). */
	void plainExcept(TestDatabase database, @Nullable String except) {
		this.schemas.stream()
			.filter((schema) -> !schema.equals(except))
			.forEach((schema) -> tenant(schema).plainOn(database).load().migrate());
	}

	/** Every tenant's history table. */
	List<HistoryTable> historyTables() {
		return this.schemas.stream().map((schema) -> tenant(schema).historyTable()).toList();
	}

	/**
	 * The history rows of every tenant but {@code except}, times and ranks included: a
	 * start that left them alone leaves these exactly as they were.
	 */
	List<String> historiesExcept(TestDatabase database, String except) {
		List<String> rows = new ArrayList<>();
		for (String schema : this.schemas) {
			HistoryTable table = tenant(schema).historyTable();
			if (!schema.equals(except) && table.existsIn(database)) {
				Sql.column(database,
						"SELECT concat_ws(' | ', installed_rank, version, checksum, installed_on," + " success) FROM "
								+ table.sql() + " ORDER BY installed_rank")
					.forEach((row) -> rows.add(schema + ": " + row));
			}
		}
		return rows;
	}
}
