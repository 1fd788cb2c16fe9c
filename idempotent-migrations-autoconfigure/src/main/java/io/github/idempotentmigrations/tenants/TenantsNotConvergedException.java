package io.github.idempotentmigrations.tenants;

import java.util.List;

/**
 * Startup stops, once every tenant ran, because some tenant schemas did not converge;
 * carries their runs, each with its own failure, for the failure analyzer.
 */
public class TenantsNotConvergedException extends RuntimeException {

	private final transient List<TenantRun> failed;

	public TenantsNotConvergedException(List<TenantRun> failed, int total) {
		super(failed.size() + " of " + total + " tenant schemas did not converge: "
				+ String.join(", ", failed.stream().map(TenantRun::schema).toList()));
		this.failed = List.copyOf(failed);
	}

	public List<TenantRun> failed() {
		return this.failed;
	}

}
