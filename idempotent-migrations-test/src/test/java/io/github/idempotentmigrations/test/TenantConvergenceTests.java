package io.github.idempotentmigrations.test;

import org.junit.jupiter.api.Test;

import static io.github.idempotentmigrations.test.State.EMPTY;
import static io.github.idempotentmigrations.test.State.KILLED_MID_RUN;
import static io.github.idempotentmigrations.test.State.NO_HISTORY;
import static io.github.idempotentmigrations.test.State.PENDING_WITH_HAND_MADE_OBJECTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The states in a tenant layout ({@code idempotent-migrations.tenants.*}): each state
 * reached in one tenant schema while the others are migrated; that tenant converges with
 * its own history table, the others are left alone.
 */
class TenantConvergenceTests {

	@Test
	void eachTenantConvergesAndTheOthersAreLeftAlone() {
		MigrationConvergence.ofLocations("classpath:convergence/tenants")
			.withTenants("tenant_a", "tenant_b")
			.withSeed(7)
			.assertConvergesFrom(EMPTY, PENDING_WITH_HAND_MADE_OBJECTS, KILLED_MID_RUN, NO_HISTORY);
	}

	@Test
	void aTenantWithAConflictingHandMadeObjectIsNamed() {
		assertThatThrownBy(() -> MigrationConvergence.ofLocations("classpath:convergence/broken/tenant-ddl-in-do-block")
			.withTenants("tenant_a", "tenant_b")
			.withSeed(7)
			.assertConvergesFrom(PENDING_WITH_HAND_MADE_OBJECTS)).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("State PENDING_WITH_HAND_MADE_OBJECTS in tenant schema tenant_b did not converge")
			.hasMessageContaining("by hand: CREATE INDEX accounts_email_idx ON tenant_b.accounts USING btree (email)")
			.hasMessageContaining("Migration: 2 \"email index\" (V2__email_index.sql)")
			.hasMessageContaining("SQLSTATE: 42P07")
			.satisfies((failure) -> assertThat(failure.getMessage()).doesNotContain("tenant schema tenant_a"));
	}

}
