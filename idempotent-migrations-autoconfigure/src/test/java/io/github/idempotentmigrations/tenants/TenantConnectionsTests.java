package io.github.idempotentmigrations.tenants;

import java.util.List;

import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.flyway.StartupSettings;
import io.github.idempotentmigrations.testsupport.OpenConnections;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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
			OpenConnections counting = new OpenConnections();
			Flyway application = context.getBean(Flyway.class);
			TenantFlyway flyways = new TenantFlyway(Flyway.configure(application.getConfiguration().getClassLoader())
				.configuration(application.getConfiguration())
				.dataSource(counting.wrap(db.dataSource())), List.of(LOCATION));
			// from their states, then a restart with nothing pending
			for (int start = 0; start < 2; start++) {
				MigratedTenants migrated = new TenantMigrations(context.getBean(StartupSettings.class),
						context.getBean(EngineSettings.class), flyways, 1)
					.migrate(tenants);
				assertThat(migrated.failed()).isEmpty();
				assertThat(counting.peakAndReset()).isEqualTo(TenantParallelism.CONNECTIONS_PER_TENANT);
			}
		});
	}

}
