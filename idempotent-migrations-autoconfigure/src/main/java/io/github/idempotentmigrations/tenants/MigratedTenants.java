package io.github.idempotentmigrations.tenants;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every tenant's startup run, in the order the schemas were given.
 *
 * @param runs one per tenant schema
 * @param parallelism how many tenants migrated at once
 * @param duration how long all of them took
 */
public record MigratedTenants(List<TenantRun> runs, int parallelism, Duration duration) {

	public MigratedTenants {
		runs = List.copyOf(runs);
	}

	/** How many tenants are in each state; every state is present, zero or not. */
	public Map<TenantState, Integer> countsByState() {
		Map<TenantState, Integer> counts = new EnumMap<>(TenantState.class);
		for (TenantState state : TenantState.values()) {
			counts.put(state, 0);
		}
		this.runs.forEach((run) -> counts.merge(run.state(), 1, Integer::sum));
		return counts;
	}

	public List<TenantRun> failed() {
		return this.runs.stream().filter((run) -> !run.converged()).toList();
	}

	public Optional<TenantRun> find(String schema) {
		return this.runs.stream().filter((run) -> run.schema().equals(schema)).findFirst();
	}
}
