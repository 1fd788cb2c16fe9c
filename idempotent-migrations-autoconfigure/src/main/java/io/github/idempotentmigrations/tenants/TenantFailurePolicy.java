package io.github.idempotentmigrations.tenants;

/**
 * What startup does when a tenant schema cannot converge. Every tenant runs either way.
 */
public enum TenantFailurePolicy {

	/**
	 * Startup fails once every tenant ran, naming each failed tenant with its analysis.
	 */
	FAIL,

	/** The application starts; failed tenants are DOWN in their own health entries. */
	CONTINUE

}
