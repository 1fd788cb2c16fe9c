package io.github.idempotentmigrations.tenants;

/** Where a tenant schema stands after its startup run. */
public enum TenantState {

	/** Converged, nothing to tell. */
	CONVERGED,

	/**
	 * Converged, with warnings a person should read (drift left as is, an INVALID index,
	 * a missing migration).
	 */
	CONVERGED_WITH_WARNINGS,

	/** The run stopped: the schema is not in the state the migrations describe. */
	NOT_CONVERGED

}
