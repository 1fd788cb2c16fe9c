package io.github.idempotentmigrations.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.flyway.CredentialMasker;
import io.github.idempotentmigrations.tenants.MigratedTenants;
import io.github.idempotentmigrations.tenants.TenantRun;

import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One health entry per tenant schema, from its startup run (no query: with thousands of
 * tenants a probe must stay cheap): UP when it converged, DOWN when it did not (then the
 * application started under {@code idempotent-migrations.tenants.on-failure=continue}).
 * The live check of one tenant, drift included, is {@code /actuator/schema/{tenant}}.
 */
public final class TenantHealth {

	private TenantHealth() {
	}

	public static CompositeHealthContributor of(MigratedTenants tenants) {
		Map<String, TenantRun> runs = new LinkedHashMap<>();
		tenants.runs().forEach((run) -> runs.put(run.schema(), run));
		return CompositeHealthContributor.fromMap(runs, (run) -> (HealthIndicator) () -> health(run));
	}

	private static Health health(TenantRun run) {
		Health.Builder health = Health.status(run.converged() ? Status.UP : Status.DOWN)
			.withDetail("state", run.state());
		run.report().ifPresent((report) -> details(health, report));
		if (run.failure() != null && run.report().isEmpty()) {
			health.withDetail("error", CredentialMasker.mask(run.failureMessage()));
		}
		return health.build();
	}

	private static void details(Health.Builder health, MigrationReport report) {
		if (report.schemaVersion() != null) {
			health.withDetail("currentVersion", report.schemaVersion());
		}
		health.withDetail("problems", masked(report.problems()))
			.withDetail("warnings", masked(report.warnings()))
			.withDetail("lastRun", report.startedAt());
	}

	private static List<String> masked(List<String> texts) {
		return texts.stream().map(CredentialMasker::mask).toList();
	}

}
