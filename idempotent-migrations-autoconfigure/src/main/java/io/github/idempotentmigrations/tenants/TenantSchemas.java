package io.github.idempotentmigrations.tenants;

import java.util.List;

/**
 * The tenant schemas an application knows itself (from a registry, a configuration
 * service): define a bean of this type and its schemas migrate with those of
 * {@code idempotent-migrations.tenants.schemas} and {@code .query}.
 */
@FunctionalInterface
public interface TenantSchemas {

	/** Tenant schema names; called once, at startup. */
	List<String> schemas();

}
