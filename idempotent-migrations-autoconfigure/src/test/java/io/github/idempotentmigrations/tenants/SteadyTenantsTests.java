package io.github.idempotentmigrations.tenants;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.autoconfigure.TenantMigrationInitializer;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.idempotentmigrations.tenants.TenantsApplication.describe;
import static io.github.idempotentmigrations.tenants.TenantsApplication.names;
import static io.github.idempotentmigrations.tenants.TenantsApplication.objectsAndRows;
import static io.github.idempotentmigrations.tenants.TenantsApplication.on;
import static io.github.idempotentmigrations.tenants.TenantsApplication.schemasProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart answers a tenant from its history alone only when the whole strategy would
 * say the same of it: every tenant damaged after a clean start in a way a restart must
 * see gets the report, and leaves the database, exactly as when every tenant runs through
 * the whole strategy; the undamaged ones are answered by their history.
 */
class SteadyTenantsTests {

	private static final List<String> CALLBACK_TENANTS = names("c", 4);

	private static final List<String> TENANTS = names("s", 14);

	private static final List<String> UNDAMAGED = TENANTS.subList(0, 6);

	/** Drift a restart leaves to the live check (the default policy, warn). */
	private static final String DRIFTED = "s12";

	// Init SQL makes every tenant run through the whole strategy; this one changes
	// nothing.
	private static final String WHOLE_STRATEGY = "spring.flyway.init-sqls=SELECT 1";

	private static TestDatabase template;

	@BeforeAll
	static void tenantsStartedOnceThenDamaged() {
		template = TestDatabase.create();
		on(template, schemasProperty(TENANTS)).run((context) -> assertThat(context).hasNotFailed());
		// an INVALID index
		template
			.execute("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 's06.accounts_email_idx'::regclass");
		// a script changed since it ran
		template.execute("UPDATE s07.flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'");
		// a migration that failed half-way
		template.execute("UPDATE s08.flyway_schema_history SET success = false WHERE version = '4';"
				+ " DELETE FROM s08.orders; ");
		// the expected schema lost
		template.execute("DROP TABLE s09.flyway_schema_history_expected");
		// a migration pending, its table already there
		template.execute("DELETE FROM s10.flyway_schema_history WHERE version = '4'");
		// a migration these scripts do not have
		template.execute("INSERT INTO s11.flyway_schema_history SELECT installed_rank + 100, '99', 'later', type,"
				+ " 'V99__later.sql', 1, installed_by, installed_on, 0, true FROM s11.flyway_schema_history"
				+ " WHERE version = '4'");
		// drift the default policy (warn) leaves to the live check
		template.execute("ALTER TABLE " + DRIFTED + ".accounts DROP COLUMN nickname");
		// a history row written with another description
		template.execute("UPDATE s13.flyway_schema_history SET description = 'renamed' WHERE version = '1'");
	}

	@AfterAll
	static void dropTemplate() {
		template.close();
	}

	@Test
	void aRestartSaysOfEachTenantWhatTheWholeStrategySays() {
		Restart whole = restart(WHOLE_STRATEGY);
		Restart byHistory = restart();

		assertThat(whole.steadyByHistory).isEmpty();
		assertThat(byHistory.steadyByHistory).as("undamaged tenants after the first steady one")
			.hasSizeGreaterThanOrEqualTo(UNDAMAGED.size() - 2)
			.allMatch((schema) -> UNDAMAGED.contains(schema) || schema.equals(DRIFTED));
		assertThat(byHistory.reports).isEqualTo(whole.reports);
		for (String schema : TENANTS) {
			assertThat(objectsAndRows(byHistory.after, schema)).as(schema)
				.isEqualTo(objectsAndRows(whole.after, schema));
		}
		assertThat(whole.reports.get("s06")).contains("INVALID");
		assertThat(whole.reports.get("s00")).isEqualTo("converged 4 [] [] [] []");
	}

	/**
	 * A callback on Flyway's info events runs once per tenant on every restart through
	 * the whole strategy: no tenant is answered by its history alone then.
	 */
	@Test
	void aCallbackOnInfoEventsStillRunsForEveryTenant() {
		assertThat(callsOnARestart("classpath:db/tenant-info-callback")).containsAll(CALLBACK_TENANTS);
	}

	/**
	 * An {@code afterMigrate} callback runs once per tenant on every restart, as plain
	 * Flyway's migrate with nothing pending runs it.
	 */
	@Test
	void anAfterMigrateCallbackRunsForEveryTenantOnARestart() {
		assertThat(callsOnARestart("classpath:db/tenant-after-migrate-callback"))
			.containsExactlyInAnyOrderElementsOf(CALLBACK_TENANTS);
	}

	/**
	 * Starts twice on new tenants with a callback script in {@code location} that records
	 * the tenant in public.callback_calls: the restart runs the whole strategy for every
	 * tenant; returns the tenants the callback recorded on the restart.
	 */
	private static List<String> callsOnARestart(String location) {
		try (TestDatabase db = TestDatabase.create()) {
			db.execute("CREATE TABLE public.callback_calls (tenant text)");
			String[] properties = { schemasProperty(CALLBACK_TENANTS),
					"idempotent-migrations.tenants.locations=" + TenantsApplication.LOCATION + "," + location };
			on(db, properties).run((context) -> assertThat(context).hasNotFailed());
			List<String> before = db.query("SELECT tenant FROM public.callback_calls");
			on(db, properties).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(TenantMigrationInitializer.class).migrated().runs())
					.noneMatch(TenantRun::byHistory);
			});
			List<String> after = new ArrayList<>(db.query("SELECT tenant FROM public.callback_calls"));
			before.forEach(after::remove);
			return after;
		}
	}

	private static Restart restart(String... properties) {
		List<String> all = new ArrayList<>(List.of(properties));
		all.add(schemasProperty(TENANTS));
		all.add("idempotent-migrations.tenants.on-failure=continue");
		try (TestDatabase db = TestDatabase.copyOf(template)) {
			Restart restart = new Restart();
			on(db, all.toArray(String[]::new)).run((context) -> {
				assertThat(context).hasNotFailed();
				for (TenantRun run : context.getBean(TenantMigrationInitializer.class).migrated().runs()) {
					restart.reports.put(run.schema(), describe(run));
					if (run.byHistory()) {
						restart.steadyByHistory.add(run.schema());
					}
				}
			});
			restart.after = DatabaseSnapshot.of(db);
			return restart;
		}
	}

	private static final class Restart {

		private final Map<String, String> reports = new LinkedHashMap<>();

		private final List<String> steadyByHistory = new ArrayList<>();

		private DatabaseSnapshot after;

	}

}
