package io.github.idempotentmigrations.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Makes beans that depend on database initialization (JdbcTemplate, JPA, ...) wait for
 * the tenant schemas too, as Spring Boot makes them wait for its own migration; ordered
 * after Boot's Flyway initializer (order 1), so tenant migrations run once the shared
 * schema is migrated.
 */
class TenantMigrationInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(TenantMigrationInitializer.class);
	}

	@Override
	public int getOrder() {
		return 2;
	}

}
