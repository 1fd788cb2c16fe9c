package io.github.idempotentmigrations.tenants;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.github.idempotentmigrations.autoconfigure.TenantMigrationInitializer;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.tenants.TenantsApplication.names;
import static io.github.idempotentmigrations.tenants.TenantsApplication.on;
import static io.github.idempotentmigrations.tenants.TenantsApplication.schemasProperty;
import static io.github.idempotentmigrations.tenants.TenantsApplication.successfulVersions;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where tenant schemas come from, how many migrate at once, and several instances
 * starting on the same tenants.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class TenantSourcesAndReplicasTests {

	@Test
	void schemasComeFromTheListTheQueryAndTheBeanEachOnce(TestDatabase db) {
		db.execute(
				"CREATE TABLE tenant_registry (name text); INSERT INTO tenant_registry VALUES ('q1'), ('q2'), ('a1')");
		on(db, "idempotent-migrations.tenants.schemas=a1",
				"idempotent-migrations.tenants.query=SELECT name FROM public.tenant_registry ORDER BY name DESC")
			.withBean(TenantSchemas.class, () -> () -> List.of("b1", "q1"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(TenantMigrationInitializer.class).migrated().runs())
					.extracting(TenantRun::schema)
					.containsExactly("a1", "q2", "q1", "b1");
			});
		for (String schema : List.of("a1", "q1", "q2", "b1")) {
			assertThat(successfulVersions(db, schema)).as(schema).containsExactly("1", "2", "3", "4");
			assertThat(db.query("SELECT email FROM " + schema + ".accounts"))
				.containsExactly("owner@" + schema + ".example");
		}
		// Spring Boot's own migration of the shared schema ran too.
		assertThat(db.query("SELECT count(*) FROM public.accounts")).containsExactly("2");
	}

	@Test
	void aBeanAloneTurnsTenantsOn(TestDatabase db) {
		on(db).withBean(TenantSchemas.class, () -> () -> List.of("b1")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(TenantMigrationInitializer.class).migrated().runs()).hasSize(1);
		});
		assertThat(successfulVersions(db, "b1")).containsExactly("1", "2", "3", "4");
	}

	@Test
	void withoutTenantsNothingOfThemIsThere(TestDatabase db) {
		on(db).run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(TenantMigrationInitializer.class));
	}

	@Test
	void parallelismFollowsThePoolUnlessSet(TestDatabase db) {
		// (3 - 2 kept for the application) / 1 connection per tenant = 1
		on(db, "idempotent-migrations.tenants.schemas=a1", "spring.datasource.hikari.maximum-pool-size=3")
			.run((context) -> assertThat(context.getBean(TenantMigrationInitializer.class).migrated().parallelism())
				.isEqualTo(1));
		on(db, "idempotent-migrations.tenants.schemas=a1", "idempotent-migrations.tenants.parallelism=3")
			.run((context) -> assertThat(context.getBean(TenantMigrationInitializer.class).migrated().parallelism())
				.isEqualTo(3));
	}

	@Test
	void instancesStartingTogetherShareTheTenantsAndMigrateEachOnce(TestDatabase db) throws Exception {
		List<String> tenants = names("s", 20);
		CountDownLatch start = new CountDownLatch(1);
		List<CompletableFuture<MigratedTenants>> instances = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			instances.add(CompletableFuture.supplyAsync(() -> {
				awaitQuietly(start);
				List<MigratedTenants> migrated = new ArrayList<>();
				on(db, schemasProperty(tenants)).run((context) -> {
					assertThat(context).hasNotFailed();
					migrated.add(context.getBean(TenantMigrationInitializer.class).migrated());
				});
				return migrated.get(0);
			}));
		}
		start.countDown();
		List<MigratedTenants> results = new ArrayList<>();
		for (CompletableFuture<MigratedTenants> instance : instances) {
			results.add(instance.get());
		}
		for (String schema : tenants) {
			assertThat(successfulVersions(db, schema)).as(schema).containsExactly("1", "2", "3", "4");
			assertThat(db.query("SELECT count(*) FROM " + schema + ".flyway_schema_history WHERE NOT success"))
				.containsExactly("0");
			assertThat(db.query("SELECT count(*) FROM " + schema + ".accounts")).containsExactly("1");
			// One instance migrated the tenant; the others waited for its lock and found
			// nothing pending.
			assertThat(results.stream()
				.mapToInt((result) -> result.find(schema).orElseThrow().report().orElseThrow().migrations().size())
				.sum()).as(schema).isEqualTo(4);
		}
		assertThat(results).allSatisfy((result) -> assertThat(result.failed()).isEmpty());
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
