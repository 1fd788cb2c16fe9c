package io.github.idempotentmigrations.autoconfigure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.github.idempotentmigrations.tenants.MigratedTenants;
import io.github.idempotentmigrations.tenants.TenantFailurePolicy;
import io.github.idempotentmigrations.tenants.TenantMigrations;
import io.github.idempotentmigrations.tenants.TenantSchemaNames;
import io.github.idempotentmigrations.tenants.TenantSchemaQuery;
import io.github.idempotentmigrations.tenants.TenantSchemas;
import io.github.idempotentmigrations.tenants.TenantsNotConvergedException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.util.StringUtils;

/**
 * Migrates the tenant schemas when the context starts, after Spring Boot's own migration
 * and, like it, before anything that uses the database (see
 * {@link TenantMigrationInitializerDetector}). Keeps the result for Actuator.
 */
public final class TenantMigrationInitializer implements InitializingBean {

	private final IdempotentMigrationsProperties.Tenants properties;

	private final @Nullable TenantSchemas beanSchemas;

	private final DataSource dataSource;

	private final TenantMigrations migrations;

	private MigratedTenants migrated;

	TenantMigrationInitializer(IdempotentMigrationsProperties.Tenants properties, @Nullable TenantSchemas beanSchemas,
			DataSource dataSource, TenantMigrations migrations) {
		this.properties = properties;
		this.beanSchemas = beanSchemas;
		this.dataSource = dataSource;
		this.migrations = migrations;
	}

	@Override
	public void afterPropertiesSet() {
		this.migrated = this.migrations.migrate(schemas());
		if (this.properties.getOnFailure() == TenantFailurePolicy.FAIL && !this.migrated.failed().isEmpty()) {
			throw new TenantsNotConvergedException(this.migrated.failed(), this.migrated.runs().size());
		}
	}

	/**
	 * The union of the list, the query's rows and the bean's, in that order, each schema
	 * once.
	 */
	List<String> schemas() {
		Set<String> schemas = new LinkedHashSet<>();
		TenantSchemaNames.addChecked(schemas, this.properties.getSchemas(), "idempotent-migrations.tenants.schemas");
		if (StringUtils.hasText(this.properties.getQuery())) {
			TenantSchemaNames.addChecked(schemas, TenantSchemaQuery.run(this.dataSource, this.properties.getQuery()),
					"idempotent-migrations.tenants.query");
		}
		if (this.beanSchemas != null) {
			TenantSchemaNames.addChecked(schemas, this.beanSchemas.schemas(),
					"The " + TenantSchemas.class.getSimpleName() + " bean");
		}
		return List.copyOf(schemas);
	}

	public MigratedTenants migrated() {
		return this.migrated;
	}

}
