package io.github.idempotentmigrations.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;

import io.github.idempotentmigrations.test.lint.MigrationLint;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;

import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * Proves, in an application's own tests, that its Flyway migrations converge through the
 * starter from drifted starting states:
 *
 * <pre>
 * MigrationConvergence.of(flyway).assertConvergesFrom(State.EMPTY, State.PENDING_WITH_HAND_MADE_OBJECTS,
 *         State.KILLED_MID_RUN);
 * </pre>
 *
 * Each state gets a fresh database of its own (the embedded PostgreSQL by default; see
 * the test-support module for an existing server or Testcontainers); the application is
 * started on it the way Boot starts it, with the starter's migration strategy; the result
 * must equal what plain Flyway builds on an empty database. Seeded choices print their
 * seed; {@code -Didempotent-migrations.convergence.seed=N} repeats them. The
 * configuration's own database is never touched.
 */
public final class MigrationConvergence {

	/** System property that fixes the seed of the seeded states. */
	public static final String SEED_PROPERTY = "idempotent-migrations.convergence.seed";

	private static final String STARTER_PREFIX = "idempotent-migrations.";

	private final Migrations migrations;

	private final Map<String, String> properties = new LinkedHashMap<>();

	private long seed = Long.getLong(SEED_PROPERTY, new Random().nextLong());

	/** Tenant schemas the states run in, or empty for the configuration's own schemas. */
	private List<String> tenants = List.of();

	private MigrationConvergence(Configuration configuration) {
		this.migrations = new Migrations(configuration);
	}

	/**
	 * The migrations of a Flyway instance: locations, schemas, placeholders, Java
	 * migrations, callbacks.
	 */
	public static MigrationConvergence of(Flyway flyway) {
		return of(flyway.getConfiguration());
	}

	/**
	 * The migrations of a configuration given by hand, e.g.
	 * {@code Flyway.configure().locations("db/migration")}.
	 */
	public static MigrationConvergence of(Configuration configuration) {
		return new MigrationConvergence(configuration);
	}

	/**
	 * The migrations in these Flyway locations, with Flyway's defaults for everything
	 * else.
	 */
	public static MigrationConvergence ofLocations(String... locations) {
		return of(Flyway.configure().locations(locations));
	}

	/**
	 * The migrations of an application context's {@link Flyway} bean, with the starter
	 * settings ({@code idempotent-migrations.*}) of its environment.
	 */
	public static MigrationConvergence of(ApplicationContext context) {
		MigrationConvergence convergence = of(context.getBean(Flyway.class));
		if (context.getEnvironment() instanceof ConfigurableEnvironment environment) {
			environment.getPropertySources()
				.stream()
				.filter(EnumerablePropertySource.class::isInstance)
				.flatMap((source) -> List.of(((EnumerablePropertySource<?>) source).getPropertyNames()).stream())
				.filter((name) -> name.startsWith(STARTER_PREFIX))
				.distinct()
				.forEach((name) -> convergence.properties.put(name, environment.getProperty(name)));
		}
		return convergence;
	}

	/**
	 * A starter setting for every start, e.g.
	 * {@code withProperty("idempotent-migrations.on-conflict", "warn")}.
	 */
	public MigrationConvergence withProperty(String name, String value) {
		this.properties.put(name, value);
		return this;
	}

	/**
	 * The lint of the same migrations:
	 * {@code MigrationConvergence.of(flyway).lint().check().assertNoErrors()}.
	 */
	public MigrationLint lint() {
		return MigrationLint.of(this.migrations.source());
	}

	/**
	 * Fixes the seed (the system property {@value #SEED_PROPERTY} does the same without a
	 * code change).
	 */
	public MigrationConvergence withSeed(long seed) {
		this.seed = seed;
		return this;
	}

	/**
	 * Runs every state in each of these tenant schemas, as the starter runs
	 * {@code idempotent-migrations.tenants.*}: the migrations in each schema with its own
	 * history table there and {@code ${tenant}} set to the schema's name, one tenant
	 * after another after Boot's own migration (which is given no location: every
	 * migration here is a tenant's). A state is reached in one tenant while every other
	 * tenant is migrated already; after the start, the database must equal every tenant
	 * migrated by plain Flyway, and the other tenants' history rows must be exactly as
	 * they were, times included.
	 */
	public MigrationConvergence withTenants(String... schemas) {
		this.tenants = List.of(schemas);
		return this;
	}

	/**
	 * Starts the application on each state in turn (in each tenant schema,
	 * {@link #withTenants with tenants}) and fails, naming every state that did not
	 * converge, when any did not.
	 * @throws AssertionError with the state, the seed, how it was reached, the failing
	 * migration and statement or the differences, and the engine's report
	 */
	public void assertConvergesFrom(State... states) {
		System.out.println(
				"MigrationConvergence: seed " + this.seed + " (-D" + SEED_PROPERTY + "=" + this.seed + " repeats it)");
		List<Scenario> scenarios = scenarios(Map.copyOf(this.properties));
		List<String> failures = new ArrayList<>();
		for (State state : states) {
			for (Scenario scenario : scenarios) {
				String name = (scenario.tenant() != null) ? state + " in tenant schema " + scenario.tenant().schema()
						: state.toString();
				long started = System.nanoTime();
				Optional<String> failure = converge(scenario, state, name);
				failure.ifPresent(failures::add);
				System.out.printf("MigrationConvergence: %s %s in %d ms%n", name,
						failure.isPresent() ? "did NOT converge" : "converged",
						(System.nanoTime() - started) / 1_000_000);
			}
		}
		if (!failures.isEmpty()) {
			throw new AssertionError(String.join("\n\n", failures));
		}
	}

	/**
	 * One scenario, or one per tenant schema, each judged against every tenant migrated
	 * by plain Flyway.
	 */
	private List<Scenario> scenarios(Map<String, String> properties) {
		if (this.tenants.isEmpty()) {
			return List.of(Scenario.prepare(this.migrations, properties));
		}
		TenantLayout layout = new TenantLayout(this.migrations, this.tenants);
		// each tenant's own plain run first: it says best when plain Flyway itself fails
		Map<String, Scenario> own = new LinkedHashMap<>();
		this.tenants.forEach((schema) -> own.put(schema, Scenario.prepare(layout.tenant(schema), properties)));
		DatabaseState everyTenant;
		try (TestDatabase database = TestDatabase.create()) {
			layout.plainExcept(database, null);
			everyTenant = DatabaseState.ofTenants(database, layout.historyTables());
		}
		List<Scenario> scenarios = new ArrayList<>();
		own.forEach((schema, scenario) -> scenarios.add(scenario.ofTenant(layout, schema, everyTenant)));
		return scenarios;
	}

	private Optional<String> converge(Scenario scenario, State state, String name) {
		// one stream per state (and tenant), so adding a state never changes the choices
		// of another; SplittableRandom mixes the bits, as java.util.Random's first draws
		// from neighbouring seeds are nearly the same
		long stream = this.seed ^ state.name().hashCode()
				^ ((scenario.tenant() != null) ? scenario.tenant().schema().hashCode() : 0);
		Random random = new Random(new SplittableRandom(stream).nextLong());
		Scenario.Tenant tenant = scenario.tenant();
		try (TestDatabase database = TestDatabase.create()) {
			Reached reached;
			List<String> otherTenants;
			try {
				if (tenant != null) {
					tenant.layout().plainExcept(database, tenant.schema());
				}
				reached = state.startingState().reach(scenario, database, random);
				otherTenants = (tenant != null) ? tenant.layout().historiesExcept(database, tenant.schema())
						: List.of();
			}
			catch (RuntimeException ex) {
				return Optional.of(new FailureText(name, this.seed, "(not reached)").notReached(ex).toString());
			}
			StarterRun run = scenario.start(database, reached.properties());
			if (run.failed()) {
				return Optional
					.of(new FailureText(name, this.seed, reached.description()).startupFailed(run).toString());
			}
			List<String> differences = new ArrayList<>((tenant != null)
					? DatabaseState.ofTenants(database, tenant.layout().historyTables())
						.differencesFrom(scenario.expected())
					: DatabaseState.of(database, this.migrations.historyTable()).differencesFrom(scenario.expected()));
			if (tenant != null && !otherTenants.equals(tenant.layout().historiesExcept(database, tenant.schema()))) {
				differences.add("another tenant's history changed, though the state was only in " + tenant.schema()
						+ ":\n      before " + String.join("\n             ", otherTenants) + "\n      after  "
						+ String.join("\n             ", tenant.layout().historiesExcept(database, tenant.schema())));
			}
			return differences.isEmpty() ? Optional.empty()
					: Optional
						.of(new FailureText(name, this.seed, reached.description()).differs(differences, run.report())
							.toString());
		}
	}

}
