package io.github.idempotentmigrations.tenants;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.idempotentmigrations.autoconfigure.TenantMigrationInitializer;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static io.github.idempotentmigrations.tenants.TenantsApplication.describe;
import static io.github.idempotentmigrations.tenants.TenantsApplication.names;
import static io.github.idempotentmigrations.tenants.TenantsApplication.on;
import static io.github.idempotentmigrations.tenants.TenantsApplication.schemasProperty;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Review of the restart answered by history: tenant states in which the whole strategy
 * says something else than "steady" although the history rows equal those of a tenant it
 * found steady.
 */
class SteadyTenantsReviewTests {

	private static final List<String> TENANTS = names("r", 4);

	/** The last tenant, so a steady one has been found before its turn. */
	private static final String BUSY = TENANTS.get(TENANTS.size() - 1);

	// Init SQL makes every tenant run through the whole strategy; this one changes
	// nothing.
	private static final String WHOLE_STRATEGY = "spring.flyway.init-sqls=SELECT 1";

	private static TestDatabase template;

	@BeforeAll
	static void tenantsStartedOnce() {
		template = TestDatabase.create();
		on(template, schemasProperty(TENANTS)).run((context) -> assertThat(context).hasNotFailed());
	}

	@AfterAll
	static void dropTemplate() {
		template.close();
	}

	/**
	 * Another instance (a newer release) holds the tenant's startup lock and is writing a
	 * migration these scripts do not have: the whole strategy waits for it and then
	 * reports what it finds; the tenant's committed history, read meanwhile, still equals
	 * the steady one's.
	 */
	@Test
	void aTenantAnotherInstanceIsMigratingIsAnsweredAfterItAsByTheWholeStrategy() throws Exception {
		Map<String, String> whole = restartWhileAnotherInstanceMigratesBusy(WHOLE_STRATEGY);
		Map<String, String> byHistory = restartWhileAnotherInstanceMigratesBusy();

		assertThat(whole.get(BUSY)).contains("99");
		assertThat(byHistory).isEqualTo(whole);
	}

	/**
	 * An application callback on Flyway's info events runs for every tenant the whole
	 * strategy inspects; a tenant answered by history runs none.
	 */
	@Test
	void applicationCallbacksRunForEveryTenantAsInTheWholeStrategy() {
		assertThat(infoSeenAfterRestart()).isEqualTo(infoSeenAfterRestart(WHOLE_STRATEGY));
	}

	/** Which schemas the callback saw Flyway's info on, how often, in a restart. */
	private static List<String> infoSeenAfterRestart(String... properties) {
		try (TestDatabase db = TestDatabase.copyOf(template)) {
			db.execute("CREATE TABLE public.info_seen (schema text)");
			List<String> all = new ArrayList<>(List.of(properties));
			all.add(schemasProperty(TENANTS));
			on(db, all.toArray(String[]::new)).withBean("infoSeen", Callback.class, InfoSeen::new)
				.run((context) -> assertThat(context).hasNotFailed());
			return db.query("SELECT schema || ' ' || count(*) FROM public.info_seen GROUP BY schema ORDER BY schema");
		}
	}

	private static Map<String, String> restartWhileAnotherInstanceMigratesBusy(String... properties) throws Exception {
		try (TestDatabase db = TestDatabase.copyOf(template);
				Connection otherInstance = db.connect();
				Connection monitor = db.connect()) {
			String lockKey = new ObjectName(BUSY, "flyway_schema_history").toSql();
			call(otherInstance, "SELECT pg_advisory_lock(hashtext('idempotent-migrations'), hashtext(?))", lockKey);
			otherInstance.setAutoCommit(false);
			try (Statement statement = otherInstance.createStatement()) {
				statement.execute("INSERT INTO " + BUSY + ".flyway_schema_history SELECT installed_rank + 100, '99',"
						+ " 'later', type, 'V99__later.sql', 1, installed_by, installed_on, 0, true FROM " + BUSY
						+ ".flyway_schema_history WHERE version = '4'");
			}
			CompletableFuture<Map<String, String>> restart = CompletableFuture
				.supplyAsync(() -> restart(db, properties));
			// The other instance finishes once this restart waits for its lock, or once
			// the restart is over without having waited.
			while (!restart.isDone() && !waitingForLock(monitor)) {
				TimeUnit.MILLISECONDS.sleep(20);
			}
			otherInstance.commit();
			call(otherInstance, "SELECT pg_advisory_unlock(hashtext('idempotent-migrations'), hashtext(?))", lockKey);
			return restart.get(2, TimeUnit.MINUTES);
		}
	}

	/** A session of the application polling for a startup lock (it sleeps between). */
	private static boolean waitingForLock(Connection monitor) throws SQLException {
		try (Statement statement = monitor.createStatement();
				ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM pg_stat_activity"
						+ " WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'idle'"
						+ " AND query LIKE 'SELECT pg_try_advisory_lock(%' AND now() - state_change > interval"
						+ " '100 milliseconds')")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	private static void call(Connection connection, String sql, String parameter) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			statement.execute();
		}
	}

	/** Each tenant's report, one tenant at a time in the order given. */
	private static Map<String, String> restart(TestDatabase db, String... properties) {
		List<String> all = new ArrayList<>(List.of(properties));
		all.add(schemasProperty(TENANTS));
		all.add("idempotent-migrations.tenants.parallelism=1");
		all.add("idempotent-migrations.tenants.on-failure=continue");
		Map<String, String> reports = new LinkedHashMap<>();
		on(db, all.toArray(String[]::new)).run((context) -> {
			assertThat(context).hasNotFailed();
			for (TenantRun run : context.getBean(TenantMigrationInitializer.class).migrated().runs()) {
				reports.put(run.schema(), describe(run));
			}
		});
		return reports;
	}

	/** Writes down the schema of every Flyway info, on Flyway's own connection. */
	private static final class InfoSeen implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.AFTER_INFO;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			try (PreparedStatement statement = context.getConnection()
				.prepareStatement("INSERT INTO public.info_seen VALUES (?)")) {
				statement.setString(1, String.valueOf(context.getConfiguration().getDefaultSchema()));
				statement.execute();
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public String getCallbackName() {
			return "infoSeen";
		}

	}

}
