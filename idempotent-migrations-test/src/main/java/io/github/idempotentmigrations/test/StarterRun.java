package io.github.idempotentmigrations.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsAutoConfiguration;
import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsTenantsAutoConfiguration;
import io.github.idempotentmigrations.autoconfigure.TenantMigrationInitializer;
import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.tenants.TenantRun;
import io.github.idempotentmigrations.tenants.TenantsNotConvergedException;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.callback.Callback;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * One application start with the starter on a test database, as Boot runs it: DataSource,
 * Flyway and the starter's auto-configuration (its tenant schemas too, in a tenant
 * layout), so the starter's own migration strategy (inspect, repair, migrate, verify)
 * does the work.
 *
 * @param report the report the run published (a tenant's own, when a tenant is watched),
 * or the one its failure carries; null when it failed before any
 * @param failure why startup failed (a watched tenant's own failure, when it is one), or
 * null
 */
record StarterRun(@Nullable MigrationReport report, @Nullable Throwable failure) {

	/**
	 * Starts the application once with the starter and returns its report or failure.
	 * @param tenant the tenant schema whose run this start is about, or null for Boot's
	 * own migration
	 */
	static StarterRun start(Migrations migrations, TestDatabase database, Map<String, String> properties,
			@Nullable String tenant, Callback... extra) {
		List<String> values = new ArrayList<>(List.of("spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password()));
		properties.forEach((key, value) -> values.add(key + "=" + value));
		List<StarterRun> runs = new ArrayList<>();
		// tenants only in a tenant layout: an application context's own tenant settings,
		// taken over by MigrationConvergence.of(context), must not migrate schemas that a
		// single-schema run does not judge
		Class<?>[] configurations = (tenant != null)
				? new Class<?>[] { DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
						IdempotentMigrationsAutoConfiguration.class,
						IdempotentMigrationsTenantsAutoConfiguration.class }
				: new Class<?>[] { DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
						IdempotentMigrationsAutoConfiguration.class };
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(configurations))
			.withPropertyValues(values.toArray(String[]::new))
			.withBean("migrationConvergenceUserFlyway", FlywayConfigurationCustomizer.class,
					() -> new UserFlywayConfiguration(migrations, extra))
			.run((context) -> {
				Throwable failure = context.getStartupFailure();
				if (tenant != null) {
					runs.add(ofTenant(tenant, failure, (failure != null) ? null
							: context.getBean(TenantMigrationInitializer.class).migrated().find(tenant).orElse(null)));
				}
				else {
					runs.add((failure != null) ? new StarterRun(reportOf(failure), failure)
							: new StarterRun(context.getBean(MigrationReportStore.class).last().orElse(null), null));
				}
			});
		return runs.get(0);
	}

	/**
	 * The tenant's own run: from the started application, or from the failure that names
	 * the failed tenants.
	 */
	private static StarterRun ofTenant(String tenant, @Nullable Throwable failure, @Nullable TenantRun started) {
		if (started != null) {
			return new StarterRun(started.report().orElse(null), started.failure());
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof TenantsNotConvergedException tenants) {
				return tenants.failed()
					.stream()
					.filter((run) -> run.schema().equals(tenant))
					.findFirst()
					.map((run) -> new StarterRun(run.report().orElseGet(() -> reportOf(run.failure())), run.failure()))
					// another tenant failed and this one converged: still a failed start
					.orElse(new StarterRun(null, failure));
			}
		}
		return new StarterRun((failure != null) ? reportOf(failure) : null, failure);
	}

	boolean failed() {
		return this.failure != null;
	}

	Optional<SchemaConvergenceException> convergenceFailure() {
		for (Throwable cause = this.failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SchemaConvergenceException convergence) {
				return Optional.of(convergence);
			}
		}
		return Optional.empty();
	}

	private static @Nullable MigrationReport reportOf(@Nullable Throwable failure) {
		return new StarterRun(null, failure).convergenceFailure().map(SchemaConvergenceException::report).orElse(null);
	}
}
