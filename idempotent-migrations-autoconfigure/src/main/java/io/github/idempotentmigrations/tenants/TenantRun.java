package io.github.idempotentmigrations.tenants;

import java.util.Optional;
import java.util.function.Supplier;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * One tenant's startup run: its Flyway (for live checks later), its own report and the
 * failure that stopped it.
 *
 * @param schema the tenant's schema
 * @param flywayOnDemand the tenant's Flyway, built the first time a live check asks
 * @param reports the tenant's report store, apart from every other tenant's
 * @param failure what stopped the run, or null when it converged
 * @param byHistory whether its history alone said it is steady, as a tenant the whole
 * strategy found steady (no Flyway run of its own)
 */
public record TenantRun(String schema, Supplier<Flyway> flywayOnDemand, MigrationReportStore reports,
		@Nullable RuntimeException failure, boolean byHistory) {

	/**
	 * What stopped the run, in words: the failure's message, or its kind when it has
	 * none; null when it converged.
	 */
	public @Nullable String failureMessage() {
		if (this.failure == null) {
			return null;
		}
		return (this.failure.getMessage() != null) ? this.failure.getMessage() : this.failure.getClass().getName();
	}

	public Flyway flyway() {
		return this.flywayOnDemand.get();
	}

	public Optional<MigrationReport> report() {
		return this.reports.last();
	}

	public TenantState state() {
		// No report without a failure: another database than PostgreSQL, where Flyway ran
		// as it is.
		Optional<MigrationReport> report = report();
		if (this.failure != null || report.map((r) -> !r.converged()).orElse(false)) {
			return TenantState.NOT_CONVERGED;
		}
		return report.map((r) -> r.warnings().isEmpty()).orElse(true) ? TenantState.CONVERGED
				: TenantState.CONVERGED_WITH_WARNINGS;
	}

	public boolean converged() {
		return state() != TenantState.NOT_CONVERGED;
	}
}
