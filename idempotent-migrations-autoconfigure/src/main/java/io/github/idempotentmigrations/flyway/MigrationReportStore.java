package io.github.idempotentmigrations.flyway;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.github.idempotentmigrations.engine.report.MigrationReport;

/**
 * Keeps the report of the last startup run for logs, Actuator and the failure analyzer;
 * logs each one published.
 */
public final class MigrationReportStore {

	private final AtomicReference<MigrationReport> last = new AtomicReference<>();

	private final ReportLogger logger = new ReportLogger();

	public void publish(MigrationReport report) {
		this.last.set(report);
		this.logger.log(report);
	}

	public Optional<MigrationReport> last() {
		return Optional.ofNullable(this.last.get());
	}

}
