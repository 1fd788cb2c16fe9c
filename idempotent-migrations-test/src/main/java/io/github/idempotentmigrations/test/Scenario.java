package io.github.idempotentmigrations.test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.test.StatementTrace.Traced;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;

/**
 * What every state is judged against: the migrations run by plain Flyway on an empty
 * database (the result a converged run must equal), the statements that run went through,
 * and the migrations it applied. In a tenant layout a scenario is one tenant's: its
 * migrations and statements are the tenant's, what it must equal is every tenant migrated
 * by plain Flyway.
 *
 * @param migrations the application's migrations
 * @param properties the starter's {@code idempotent-migrations.*} settings for every
 * start
 * @param expected what plain Flyway leaves on an empty database
 * @param statements every SQL statement of that run, in order
 * @param applied the migrations it applied, in order
 * @param tenant the tenant schema and its layout, or null for a single schema
 */
record Scenario(Migrations migrations, Map<String, String> properties, DatabaseState expected, List<Traced> statements,
		List<MigrationInfo> applied, @Nullable Tenant tenant) {

	/**
	 * Runs plain Flyway on a fresh database; fails with Flyway's message when plain
	 * Flyway itself cannot.
	 */
	static Scenario prepare(Migrations migrations, Map<String, String> properties) {
		try (TestDatabase database = TestDatabase.create()) {
			StatementTrace trace = StatementTrace.recording();
			try {
				migrations.plainOn(database, trace).load().migrate();
			}
			catch (RuntimeException ex) {
				throw new AssertionError(
						"Plain Flyway itself fails on an empty database, so no state can converge"
								+ " to its result. Last statement it ran: "
								+ (trace.statements().isEmpty() ? "none"
										: trace.statements().get(trace.statements().size() - 1))
								+ "\n" + ex.getMessage(),
						ex);
			}
			return new Scenario(migrations, properties, DatabaseState.of(database, migrations.historyTable()),
					trace.statements(), migrations.applied(database), null);
		}
	}

	/**
	 * This plain run as tenant {@code schema}'s of a layout, judged against every tenant
	 * migrated by plain Flyway.
	 */
	Scenario ofTenant(TenantLayout layout, String schema, DatabaseState everyTenant) {
		return new Scenario(this.migrations, this.properties, everyTenant, this.statements, this.applied,
				new Tenant(layout, schema));
	}

	/** The versioned migrations applied, in order. */
	List<MigrationVersion> versions() {
		return this.applied.stream().map(MigrationInfo::getVersion).filter((version) -> version != null).toList();
	}

	/** Plain Flyway up to and including {@code target}. */
	void plainUpTo(TestDatabase database, MigrationVersion target) {
		this.migrations.plainOn(database).target(target).load().migrate();
	}

	/**
	 * The application with the starter on {@code database}, with what a person tells it
	 * about this state.
	 */
	StarterRun start(TestDatabase database, Map<String, String> told, StatementTrace... extra) {
		Map<String, String> properties = new LinkedHashMap<>(this.properties);
		properties.putAll(told);
		if (this.tenant == null) {
			return StarterRun.start(this.migrations, database, properties, null, extra);
		}
		properties.putAll(this.tenant.layout().properties());
		return StarterRun.start(this.tenant.layout().bootFlyway(), database, properties, this.tenant.schema(), extra);
	}

	/** One tenant schema of a layout. */
	record Tenant(TenantLayout layout, String schema) {
	}
}
