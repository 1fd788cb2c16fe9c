package io.github.idempotentmigrations.tenants;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.flyway.StartupSettings;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import static io.github.idempotentmigrations.tenants.TenantsApplication.LOCATION;
import static io.github.idempotentmigrations.tenants.TenantsApplication.names;
import static io.github.idempotentmigrations.tenants.TenantsApplication.on;
import static io.github.idempotentmigrations.tenants.TenantsApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How many of the application's connections a tenant holds while it migrates, measured:
 * the number the default parallelism ({@link TenantParallelism}) is sized by.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class TenantConnectionsTests {

	@Test
	void aTenantHoldsOneConnectionAtATimeFromEmptyBehindAndWithNothingPending(TestDatabase db) {
		List<String> tenants = names("c", 4);
		plainFlyway(db, "c01", "2");
		plainFlyway(db, "c02", "4");
		on(db).run((context) -> {
			CountingDataSource counting = new CountingDataSource(db.dataSource());
			Flyway application = context.getBean(Flyway.class);
			TenantFlyway flyways = new TenantFlyway(Flyway.configure(application.getConfiguration().getClassLoader())
				.configuration(application.getConfiguration())
				.dataSource(counting), List.of(LOCATION));
			for (int start = 0; start < 2; start++) { // from their states, then a restart
														// with nothing pending
				MigratedTenants migrated = new TenantMigrations(context.getBean(StartupSettings.class),
						context.getBean(EngineSettings.class), flyways, 1)
					.migrate(tenants);
				assertThat(migrated.failed()).isEmpty();
				assertThat(counting.peakAndReset()).isEqualTo(TenantParallelism.CONNECTIONS_PER_TENANT);
			}
		});
	}

	/** Counts the connections open at once. */
	private static final class CountingDataSource extends DelegatingDataSource {

		private final AtomicInteger open = new AtomicInteger();

		private final AtomicInteger peak = new AtomicInteger();

		CountingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			Connection connection = super.getConnection();
			this.peak.accumulateAndGet(this.open.incrementAndGet(), Math::max);
			AtomicBoolean closed = new AtomicBoolean();
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("close") && closed.compareAndSet(false, true)) {
							this.open.decrementAndGet();
						}
						return invoke(connection, method, args);
					});
		}

		int peakAndReset() {
			return this.peak.getAndSet(this.open.get());
		}

		private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}

	}

}
