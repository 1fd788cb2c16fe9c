package io.github.idempotentmigrations.tenants;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.github.idempotentmigrations.actuate.SchemaEndpoint;
import io.github.idempotentmigrations.autoconfigure.TenantMigrationInitializer;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

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
@ExtendWith(OutputCaptureExtension.class)
class TenantReviewTests {

	private static final String WAITING = "Another run is using the reserved shadow database";

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

	/**
	 * A run waiting for the reserved shadow says so, and goes on once the run holding it
	 * (here a session of another replica) ends.
	 */
	@Test
	void aRunWaitingForTheReservedShadowSaysSoAndGoesOnWhenItIsFree(CapturedOutput output) throws Exception {
		try (TestDatabase db = TestDatabase.create(); TestDatabase shadow = TestDatabase.create()) {
			plainFlyway(db, "w01", "2");
			db.execute("CREATE INDEX accounts_email_idx ON w01.accounts (email)");
			AtomicReference<Throwable> failure = new AtomicReference<>();
			Thread startup = new Thread(() -> on(db, "idempotent-migrations.tenants.schemas=w01",
					"idempotent-migrations.shadow.url=" + shadow.jdbcUrl(),
					"idempotent-migrations.shadow.username=" + shadow.user(),
					"idempotent-migrations.shadow.password=" + shadow.password())
				.run((context) -> failure.set(context.getStartupFailure())));
			try (Connection holder = shadow.connect(); Statement statement = holder.createStatement()) {
				statement.execute("SELECT pg_advisory_lock(" + 0x696d5f736864774cL + ")");
				startup.start();
				for (int waited = 0; waited < 300 && !output.getAll().contains(WAITING); waited++) {
					Thread.sleep(100);
				}
				assertThat(output.getAll()).contains(WAITING);
				assertThat(startup.isAlive()).isTrue();
			}
			startup.join(Duration.ofSeconds(60).toMillis());
			assertThat(startup.isAlive()).isFalse();
			assertThat(failure.get()).isNull();
		}
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
	 * A tenant adopted through a shadow is compared with the schemas the migrations built
	 * there only: the application's public schema (here with a comment of its own) is no
	 * part of it, neither at adoption nor as drift afterwards.
	 */
	@Test
	void aTenantIsAdoptedAndCheckedInItsOwnSchemaOnly() {
		try (TestDatabase db = TestDatabase.create()) {
			plainFlyway(db, "a01", "4");
			db.execute("DROP TABLE a01.flyway_schema_history");
			db.execute("COMMENT ON SCHEMA public IS 'the application''s shared schema'");
			on(db, "idempotent-migrations.tenants.schemas=a01").run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(TenantMigrationInitializer.class).migrated().failed()).isEmpty();
				SchemaEndpoint.StatusDescriptor live = context.getBean(SchemaEndpoint.class).tenant("a01").status();
				assertThat(live.expectedSchema()).isEqualTo("stored");
				assertThat(live.drift()).isEmpty();
			});
		}
	}

	/**
	 * An Error thrown by the application's code for one tenant (a callback, a Java
	 * migration) stops startup, even under {@code continue}, as it would without tenants:
	 * Flyway rolls back on an exception only. The tenants not started yet never start,
	 * and startup ends after the last one running, none left behind.
	 */
	@Test
	void anErrorInOneTenantsCodeStopsStartupAndNoTenantOutlivesIt() {
		List<String> tenants = names("e", 4);
		try (TestDatabase db = TestDatabase.create()) {
			on(db, schemasProperty(tenants), "idempotent-migrations.tenants.parallelism=1",
					"idempotent-migrations.tenants.on-failure=continue")
				.withBean("failsForE02", Callback.class, FailsForE02::new)
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(AssertionError.class)
					.hasMessage("e02's callback failed"));
			assertThat(Thread.getAllStackTraces().keySet())
				.noneMatch((thread) -> thread.getName().startsWith("tenant-") && thread.isAlive());
			for (String schema : List.of("e00", "e01")) {
				assertThat(successfulVersions(db, schema)).as(schema).containsExactly("1", "2", "3", "4");
			}
			// e03 had not started (its schema is not there) or ran to its end before
			// startup stopped
			if (!db.query("SELECT nspname FROM pg_namespace WHERE nspname = 'e03'").isEmpty()) {
				assertThat(successfulVersions(db, "e03")).containsExactly("1", "2", "3", "4");
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
			on(db).withBean(TenantSchemas.class, () -> () -> null)
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("The TenantSchemas bean gave no list of tenant schemas"));
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
			// Flyway 11 may ask without a context
			return event == Event.BEFORE_MIGRATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			if ("e02".equals(context.getConfiguration().getDefaultSchema())) {
				throw new AssertionError("e02's callback failed");
			}
		}

		@Override
		public String getCallbackName() {
			return "fails for e02";
		}

	}

}
