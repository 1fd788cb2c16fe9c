package io.github.idempotentmigrations.tenants;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.flyway.IdempotentStatementCallback;
import io.github.idempotentmigrations.flyway.MigrationRunTracker;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * A tenant's Flyway: the application's Flyway configuration (data source, locations,
 * callbacks, placeholders, the starter's customizations) with the tenant's schema as its
 * only and default schema, so its history table lives there, and the placeholder
 * {@code ${tenant}} set to the schema's name.
 */
public final class TenantFlyway {

	/** The placeholder the tenant's schema name is available under in migrations. */
	public static final String PLACEHOLDER = "tenant";

	private final Configuration base;

	private final List<String> locations;

	/**
	 * Tenant Flyways built from the application's Flyway configuration {@code base}.
	 * @param locations the tenants' own locations, or empty for the base configuration's
	 */
	public TenantFlyway(Configuration base, List<String> locations) {
		this.base = base;
		this.locations = List.copyOf(locations);
	}

	/**
	 * What every tenant's configuration shares: the application's with the tenants'
	 * locations (no schema of its own).
	 */
	Configuration shared() {
		FluentConfiguration configuration = Flyway.configure(this.base.getClassLoader()).configuration(this.base);
		if (!this.locations.isEmpty()) {
			configuration.locations(this.locations.toArray(String[]::new));
		}
		return configuration;
	}

	/**
	 * The base configuration's statement callback reports to the application's
	 * single-schema run: the tenant's Flyway gets one bound to the tenant's own tracker
	 * in its place, so reports never mix across tenants running at once (and a database
	 * the starter stepped aside for keeps having none).
	 */
	public Flyway create(String schema, MigrationRunTracker runs) {
		return configure(schema, runs).load();
	}

	/** As {@link #create}, the configuration only: a Flyway is built where it works. */
	public FluentConfiguration configure(String schema, MigrationRunTracker runs) {
		Map<String, String> placeholders = new HashMap<>(this.base.getPlaceholders());
		placeholders.put(PLACEHOLDER, schema);
		Callback[] callbacks = Arrays.stream(this.base.getCallbacks())
			.map((callback) -> (callback instanceof IdempotentStatementCallback) ? new IdempotentStatementCallback(runs)
					: callback)
			.toArray(Callback[]::new);
		FluentConfiguration configuration = Flyway.configure(this.base.getClassLoader())
			.configuration(this.base)
			.schemas(schema)
			.defaultSchema(schema)
			.placeholders(placeholders)
			.callbacks(callbacks);
		if (!this.locations.isEmpty()) {
			configuration.locations(this.locations.toArray(String[]::new));
		}
		return configuration;
	}

}
