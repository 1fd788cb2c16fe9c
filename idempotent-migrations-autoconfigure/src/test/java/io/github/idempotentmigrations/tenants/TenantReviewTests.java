package io.github.idempotentmigrations.tenants;

import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.actuate.SchemaEndpoint;
import io.github.idempotentmigrations.autoconfigure.TenantMigrationInitializer;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;

import static io.github.idempotentmigrations.tenants.TenantsApplication.names;
import static io.github.idempotentmigrations.tenants.TenantsApplication.on;
import static io.github.idempotentmigrations.tenants.TenantsApplication.plainFlyway;
import static io.github.idempotentmigrations.tenants.TenantsApplication.schemasProperty;
import static io.github.idempotentmigrations.tenants.TenantsApplication.successfulVersions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a review of the tenant runner found: tenants sharing a reserved shadow database,
 * an error thrown by one tenant's code, a query returning NULL, names a health entry
 * cannot carry, and tenants configured while the starter is switched off.
 */
class TenantReviewTests {

	/**
	 * Tenants that each need a shadow (objects of pending migrations built by hand) and
	 * share the reserved one take turns on it: migrating them in parallel stores the same
	 * expected schemas as one at a time, each of its own tenant's objects only.
	 */
	@Test
	void tenantsInParallelTakeTurnsOnTheReservedShadow() {
		List<String> tenants = names("h", 8);
		List<String> oneAtATime = withReservedShadow(tenants, 1);
		assertThat(oneAtATime)
			.allMatch((tenant) -> tenant.endsWith("CONVERGED live=CONVERGED expected=stored drift=[]"));
		assertThat(withReservedShadow(tenants, 4)).isEqualTo(oneAtATime);
	}

	private static List<String> withReservedShadow(List<String> tenants, int parallelism) {
		try (TestDatabase db = TestDatabase.create(); TestDatabase shadow = TestDatabase.create()) {
			for (String schema : tenants) {
				plainFlyway(db, schema, "2");
				db.execute("CREATE INDEX accounts_email_idx ON " + schema + ".accounts (email); CREATE TABLE " + schema
						+ ".orders (id bigint PRIMARY KEY, account_id bigint REFERENCES " + schema
						+ ".accounts, total numeric(10, 2) NOT NULL)");
			}
			List<String> states = new ArrayList<>();
			on(db, schemasProperty(tenants), "idempotent-migrations.tenants.parallelism=" + parallelism,
					"spring.datasource.hikari.maximum-pool-size=" + (parallelism + 2),
					"idempotent-migrations.shadow.url=" + shadow.jdbcUrl(),
					"idempotent-migrations.shadow.username=" + shadow.user(),
					"idempotent-migrations.shadow.password=" + shadow.password())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					SchemaEndpoint endpoint = context.getBean(SchemaEndpoint.class);
					for (TenantRun run : context.getBean(TenantMigrationInitializer.class).migrated().runs()) {
						SchemaEndpoint.StatusDescriptor live = endpoint.tenant(run.schema()).status();
						states.add(run.schema() + " " + run.state() + " live=" + live.state() + " expected="
								+ live.expectedSchema() + " drift=" + live.drift());
					}
				});
			return states;
		}
	}

	/**
	 * An Error thrown by the application's code for one tenant (a callback, a Java
	 * migration) is that tenant's failure: under {@code continue} the application starts
	 * and every other tenant migrates.
	 */
	@Test
	void anErrorInOneTenantsCodeIsThatTenantsFailureOnly() {
		List<String> tenants = names("e", 4);
		try (TestDatabase db = TestDatabase.create()) {
			on(db, schemasProperty(tenants), "idempotent-migrations.tenants.parallelism=1",
					"idempotent-migrations.tenants.on-failure=continue")
				.withBean("failsForE02", Callback.class, FailsForE02::new)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(TenantMigrationInitializer.class).migrated().failed())
						.extracting(TenantRun::schema)
						.containsExactly("e02");
				});
			for (String schema : List.of("e00", "e01", "e03")) {
				assertThat(successfulVersions(db, schema)).as(schema).containsExactly("1", "2", "3", "4");
			}
		}
	}

	/**
	 * A name that is none (NULL from a nullable column), padded, too long for PostgreSQL
	 * or unfit for a health entry stops startup before anything migrates, saying where it
	 * came from.
	 */
	@Test
	void aTenantNameThatCannotBeOneStopsStartupBeforeAnythingMigrates() {
		try (TestDatabase db = TestDatabase.create()) {
			db.execute("CREATE TABLE tenant_registry (name text, code char(8));"
					+ " INSERT INTO tenant_registry VALUES ('q1', 'q1'), (NULL, 'q2')");
			assertRefused(db, "idempotent-migrations.tenants.query=SELECT name FROM public.tenant_registry",
					"idempotent-migrations.tenants.query names a tenant schema NULL");
			assertRefused(db, "idempotent-migrations.tenants.query=SELECT code FROM public.tenant_registry",
					"idempotent-migrations.tenants.query names a tenant schema 'q1      ' with spaces around it");
			assertRefused(db, "idempotent-migrations.tenants.schemas=a/b,c",
					"idempotent-migrations.tenants.schemas names a tenant schema 'a/b' with a '/'");
			assertRefused(db, "idempotent-migrations.tenants.schemas=" + "t".repeat(64),
					"longer than PostgreSQL's 63 bytes");
			assertThat(db.query("SELECT nspname FROM pg_namespace WHERE nspname IN ('q1', 'q2', 'c')")).isEmpty();
		}
	}

	private static void assertRefused(TestDatabase db, String property, String message) {
		on(db, property).run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining(message)
			.hasMessageContaining("nothing was migrated"));
	}

	/**
	 * The starter switched off while tenants are configured: nothing would migrate them,
	 * so startup says so instead of running on schemas left as they were.
	 */
	@Test
	void tenantsWithTheStarterSwitchedOffStopStartup() {
		try (TestDatabase db = TestDatabase.create()) {
			on(db, "idempotent-migrations.tenants.schemas=d1", "idempotent-migrations.enabled=false")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("idempotent-migrations.enabled=false: nothing would migrate them"));
			on(db, "idempotent-migrations.tenants.schemas=d1", "idempotent-migrations.enabled=false",
					"spring.flyway.enabled=false")
				.run((context) -> assertThat(context).hasNotFailed());
		}
	}

	/** The application's code failing with an Error for tenant e02 only. */
	private static final class FailsForE02 implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.BEFORE_MIGRATE && "e02".equals(context.getConfiguration().getDefaultSchema());
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			throw new AssertionError("e02's callback failed");
		}

		@Override
		public String getCallbackName() {
			return "fails for e02";
		}

	}

}
