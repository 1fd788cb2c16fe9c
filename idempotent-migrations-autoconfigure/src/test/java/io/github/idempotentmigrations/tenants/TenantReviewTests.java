package io.github.idempotentmigrations.tenants;

import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.actuate.SchemaEndpoint;
import io.github.idempotentmigrations.autoconfigure.TenantMigrationInitializer;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static io.github.idempotentmigrations.tenants.TenantsApplication.names;
import static io.github.idempotentmigrations.tenants.TenantsApplication.on;
import static io.github.idempotentmigrations.tenants.TenantsApplication.plainFlyway;
import static io.github.idempotentmigrations.tenants.TenantsApplication.schemasProperty;
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

}
