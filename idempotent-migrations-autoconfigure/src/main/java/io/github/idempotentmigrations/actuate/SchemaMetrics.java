package io.github.idempotentmigrations.actuate;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.shadow.Drift;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Micrometer gauges: the last run's duration and statements by outcome, and from the
 * cached live check the pending migrations and the drift count. Gauges rather than
 * counters because a run happens once per start.
 */
public final class SchemaMetrics implements MeterBinder {

	private final LiveSchemaCheck check;

	private final MigrationReportStore reports;

	public SchemaMetrics(LiveSchemaCheck check, MigrationReportStore reports) {
		this.check = check;
		this.reports = reports;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		TimeGauge
			.builder("idempotent.migrations.run.duration", this.reports, TimeUnit.MILLISECONDS,
					(store) -> store.last().map((report) -> report.duration().toMillis()).orElse(0L))
			.description("Duration of the last startup migration run")
			.register(registry);
		for (Outcome outcome : Outcome.values()) {
			Gauge.builder("idempotent.migrations.statements", this.reports,
					(store) -> store.last().map(MigrationReport::totals).map((totals) -> totals.get(outcome)).orElse(0))
				.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
				.description("Statements of the last startup run, by outcome")
				.register(registry);
		}
		Gauge.builder("idempotent.migrations.pending", this.check, (check) -> check.status().pending())
			.description("Migrations not applied yet")
			.register(registry);
		Gauge
			.builder("idempotent.migrations.drift", this.check,
					(check) -> check.status().driftList().stream().filter(Drift::departs).count())
			.description("Objects the applied migrations build that are missing, invalid or different now")
			.register(registry);
	}

}
