package io.github.idempotentmigrations.autoconfigure;

import io.github.idempotentmigrations.flyway.CredentialMasker;
import io.github.idempotentmigrations.tenants.TenantRun;
import io.github.idempotentmigrations.tenants.TenantsNotConvergedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Names every tenant schema that did not converge, each with the analysis one schema gets
 * (migration, statement, what exists, what was expected, what to do).
 */
class TenantsFailureAnalyzer extends AbstractFailureAnalyzer<TenantsNotConvergedException> {

	private final SchemaConvergenceFailureAnalyzer schemaAnalyzer = new SchemaConvergenceFailureAnalyzer();

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, TenantsNotConvergedException cause) {
		StringBuilder description = new StringBuilder(CredentialMasker.mask(cause.getMessage()))
			.append(". Every other tenant converged; each failed one stopped without anything half-done.");
		for (TenantRun run : cause.failed()) {
			description.append("\n\n=== Tenant schema ").append(run.schema()).append(" ===\n");
			FailureAnalysis analysis = (run.failure() != null) ? this.schemaAnalyzer.analyze(run.failure()) : null;
			if (analysis != null) {
				description.append(analysis.getDescription()).append("\n\nAction: ").append(analysis.getAction());
			}
			else {
				description.append(CredentialMasker.mask(String.valueOf((run.failure() != null) ? run.failureMessage()
						: run.report().map((report) -> String.join("\n", report.problems())).orElse(""))));
			}
		}
		return new FailureAnalysis(description.toString(), "Act on each tenant as its Action says, then restart:"
				+ " converged tenants find nothing to do. To start while these tenants are not converged, set"
				+ " idempotent-migrations.tenants.on-failure=continue (each is DOWN in /actuator/health/schema).",
				cause);
	}

}
