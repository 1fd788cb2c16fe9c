package io.github.idempotentmigrations.tenants;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalInt;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.flyway.IdempotentMigrationStrategy;
import io.github.idempotentmigrations.flyway.MigratingApplication;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.flyway.MigrationRunTracker;
import io.github.idempotentmigrations.flyway.StartupSettings;
import io.github.idempotentmigrations.shadow.ShadowDatabase;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import static io.github.idempotentmigrations.tenants.TenantsApplication.LOCATION;
import static io.github.idempotentmigrations.tenants.TenantsApplication.names;
import static io.github.idempotentmigrations.tenants.TenantsApplication.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

/**
 * Review of the tenant performance changes: one pool connection per tenant, the
 * strategy's session telling the database product, temporary shadows younger than a
 * minute left alone.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class TenantPerfReviewTests {

	/**
	 * A liveness probe killed a run while it adopted the schema on a temporary shadow;
	 * the restart seconds later adopts again and succeeds, and later restarts need no
	 * shadow: the killed run's shadow must not stay on the server for good.
	 */
	@Test
	void aShadowLeftByARunKilledSecondsBeforeTheRestartDoesNotStayForever(TestDatabase db) {
		long killedAt = System.currentTimeMillis() / 1000 - 5;
		String leftover = ShadowDatabase.TEMPORARY_PREFIX + killedAt + "_killedrun0005";
		// The same database as its name reads an hour later.
		String anHourLater = ShadowDatabase.TEMPORARY_PREFIX + (killedAt - 3600) + "_killedrun0005";
		db.execute("CREATE DATABASE " + leftover);
		try {
			db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL)");
			MigratingApplication.on(db, "adopt").run((context) -> assertThat(context).hasNotFailed());
			if (temporaryShadows(db).contains(leftover)) {
				db.execute("ALTER DATABASE " + leftover + " RENAME TO " + anHourLater);
			}
			MigratingApplication.on(db, "adopt").run((context) -> assertThat(context).hasNotFailed());

			assertThat(temporaryShadows(db)).isEmpty();
		}
		finally {
			db.execute("DROP DATABASE IF EXISTS " + leftover);
			db.execute("DROP DATABASE IF EXISTS " + anHourLater);
		}
	}

	/**
	 * The session taken to ask for the database product goes back to the pool whatever
	 * the question throws (a pool of one: a tenant run that kept it would hold it for
	 * good).
	 */
	@Test
	void theSessionGoesBackToThePoolWhenAskingForTheDatabaseProductThrows(TestDatabase db) {
		try (HikariDataSource pool = pool(db, 1)) {
			MigratingApplication.on(db, "two-migrations").run((context) -> {
				EngineSettings engine = context.getBean(EngineSettings.class);
				Flyway flyway = Flyway.configure(getClass().getClassLoader())
					.configuration(context.getBean(Flyway.class).getConfiguration())
					.dataSource(new MetaDataFailing(pool))
					.load();
				IdempotentMigrationStrategy strategy = new IdempotentMigrationStrategy(
						context.getBean(StartupSettings.class), engine, new MigrationRunTracker(engine),
						new MigrationReportStore());

				assertThatRuntimeException().isThrownBy(() -> strategy.migrate(flyway));

				assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
			});
		}
	}

	/**
	 * An eight-processor host with Boot's default pool of ten: the default parallelism is
	 * eight. A Java migration that, like the supported Java migration beans, uses the
	 * application's DataSource needs a second pool connection beside its tenant's
	 * session: eight sessions leave two, and the other tenants' migrations time out
	 * waiting for one (a connection-timeout of one second stands for Hikari's thirty
	 * against a long data migration).
	 */
	@Test
	void tenantsWhoseJavaMigrationUsesTheApplicationsDataSourceDoNotRunOutOfConnections(TestDatabase db) {
		on(db, "spring.datasource.hikari.maximum-pool-size=10", "spring.datasource.hikari.connection-timeout=1000")
			.run((context) -> {
				DataSource application = context.getBean(DataSource.class);
				Flyway flyway = context.getBean(Flyway.class);
				TenantFlyway flyways = new TenantFlyway(Flyway.configure(flyway.getConfiguration().getClassLoader())
					.configuration(flyway.getConfiguration())
					.javaMigrations(new V5__work_on_the_application_pool(application)), List.of(LOCATION));
				int parallelism = TenantParallelism.of(8, OptionalInt.of(10));

				MigratedTenants migrated = new TenantMigrations(context.getBean(StartupSettings.class),
						context.getBean(EngineSettings.class), flyways, parallelism)
					.migrate(names("j", 8));

				assertThat(migrated.failed()).extracting(TenantRun::schema).isEmpty();
			});
	}

	/**
	 * The same host without any Java migration: eight tenants at once, each migration a
	 * transaction on its session, while another tenant's CREATE INDEX CONCURRENTLY waits
	 * for every transaction of the database.
	 */
	@Test
	void eightTenantsAtOnceConvergeWithTheirConcurrentIndexBuilds(TestDatabase db) {
		on(db, "spring.datasource.hikari.maximum-pool-size=10").run((context) -> {
			Flyway flyway = context.getBean(Flyway.class);
			TenantFlyway flyways = new TenantFlyway(flyway.getConfiguration(), List.of(LOCATION));
			int parallelism = TenantParallelism.of(8, OptionalInt.of(10));

			MigratedTenants migrated = new TenantMigrations(context.getBean(StartupSettings.class),
					context.getBean(EngineSettings.class), flyways, parallelism)
				.migrate(names("k", 16));

			assertThat(migrated.failed()).extracting(TenantRun::schema).isEmpty();
		});
	}

	private static HikariDataSource pool(TestDatabase db, int size) {
		HikariDataSource pool = db.pool(size);
		pool.setConnectionTimeout(1000);
		return pool;
	}

	private static List<String> temporaryShadows(TestDatabase db) {
		return db.query("SELECT datname FROM pg_database WHERE starts_with(datname, '" + ShadowDatabase.TEMPORARY_PREFIX
				+ "') ORDER BY datname");
	}

	/** Connections whose metadata cannot be read (a faulty driver or proxy). */
	private static final class MetaDataFailing extends DelegatingDataSource {

		MetaDataFailing(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = super.getConnection();
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("getMetaData")) {
							throw new IllegalStateException("metadata unavailable");
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

	/**
	 * A data migration that runs a long query on a connection of the application's pool,
	 * as a Java migration bean given the application's DataSource does.
	 */
	static final class V5__work_on_the_application_pool extends BaseJavaMigration {

		private final DataSource application;

		V5__work_on_the_application_pool(DataSource application) {
			this.application = application;
		}

		@Override
		public void migrate(Context context) throws Exception {
			// Idle in no transaction: it holds no snapshot another tenant's CREATE INDEX
			// CONCURRENTLY would wait for.
			try (Connection connection = this.application.getConnection()) {
				Thread.sleep(2000);
			}
		}

	}

}
