package io.github.idempotentmigrations.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.idempotentmigrations.flyway.MigrationReportStore;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/**
 * Adds {@code schema} to {@code /actuator/info}: version, migration counts, the last run,
 * the starter version.
 */
public final class SchemaInfoContributor implements InfoContributor {

	private final LiveSchemaCheck check;

	private final MigrationReportStore reports;

	private final String starterVersion = StarterVersion.get();

	public SchemaInfoContributor(LiveSchemaCheck check, MigrationReportStore reports) {
		this.check = check;
		this.reports = reports;
	}

	@Override
	public void contribute(Info.Builder builder) {
		SchemaStatus status = this.check.status();
		Map<String, Object> schema = new LinkedHashMap<>();
		schema.put("currentVersion", status.currentVersion());
		schema.put("appliedMigrations", status.applied());
		schema.put("pendingMigrations", status.pending());
		this.reports.last().ifPresent((report) -> {
			Map<String, Object> lastRun = new LinkedHashMap<>();
			lastRun.put("startedAt", report.startedAt());
			lastRun.put("durationMs", report.duration().toMillis());
			lastRun.put("converged", report.converged());
			lastRun.put("statements", OutcomeCounts.of(report.totals()));
			schema.put("lastRun", lastRun);
		});
		schema.put("starterVersion", this.starterVersion);
		builder.withDetail("schema", schema);
	}

}
