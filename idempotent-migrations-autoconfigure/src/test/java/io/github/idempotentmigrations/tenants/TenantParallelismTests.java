package io.github.idempotentmigrations.tenants;

import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantParallelismTests {

	@Test
	void oneTenantTakesOneConnectionOfThePool() {
		assertThat(TenantParallelism.CONNECTIONS_PER_TENANT).isEqualTo(1);
	}

	@Test
	void aTenantIsBudgetedASecondConnectionForTheApplicationsOwnMigrationCode() {
		// a Java migration or callback that uses the application's DataSource takes one
		// beside the tenant's session
		assertThat(TenantParallelism.CONNECTIONS_BUDGETED_PER_TENANT).isEqualTo(2);
	}

	@Test
	void neverMoreTenantsThanThePoolCanServeWhileTheApplicationKeepsTwoConnections() {
		assertThat(TenantParallelism.of(16, OptionalInt.of(10))).isEqualTo(4);
		assertThat(TenantParallelism.of(16, OptionalInt.of(5))).isEqualTo(1);
		assertThat(TenantParallelism.of(16, OptionalInt.of(50))).isEqualTo(16);
		assertThat(TenantParallelism.of(2, OptionalInt.of(50))).isEqualTo(2);
	}

	@Test
	void atLeastOneEvenWithATinyPool() {
		assertThat(TenantParallelism.of(8, OptionalInt.of(2))).isEqualTo(1);
		assertThat(TenantParallelism.of(8, OptionalInt.of(1))).isEqualTo(1);
	}

	@Test
	void twoAtMostWithoutAPoolSize() {
		assertThat(TenantParallelism.of(8, OptionalInt.empty())).isEqualTo(2);
		assertThat(TenantParallelism.of(1, OptionalInt.empty())).isEqualTo(1);
	}

}
