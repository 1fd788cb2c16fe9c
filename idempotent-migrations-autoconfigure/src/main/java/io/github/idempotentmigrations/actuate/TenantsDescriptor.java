package io.github.idempotentmigrations.actuate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.flyway.CredentialMasker;
import io.github.idempotentmigrations.tenants.MigratedTenants;
import io.github.idempotentmigrations.tenants.TenantRun;
import org.jspecify.annotations.Nullable;

/**
 * The tenant schemas in {@code /actuator/schema}: how many are in each state first, then
 * one line per tenant from its startup run. {@code /actuator/schema/{tenant}} has one
 * tenant's live status and full report.
 */
public record TenantsDescriptor(int total, int parallelism, long durationMs, Map<String, Integer> states,
		List<TenantDescriptor> tenants) {

	static TenantsDescriptor of(MigratedTenants migrated) {
		Map<String, Integer> states = new LinkedHashMap<>();
		migrated.countsByState().forEach((state, count) -> states.put(state.name(), count));
		return new TenantsDescriptor(migrated.runs().size(), migrated.parallelism(), migrated.duration().toMillis(),
				states, migrated.runs().stream().map(TenantDescriptor::of).toList());
	}

	/**
	 * One tenant: {@code lastRun} is when its startup run began; {@code error} what
	 * stopped it without a report.
	 */
	public record TenantDescriptor(String schema, String state, @Nullable String schemaVersion,
			@Nullable Instant lastRun, long durationMs, List<String> problems, List<String> warnings,
			@Nullable String error) {

		static TenantDescriptor of(TenantRun run) {
			MigrationReport report = run.report().orElse(null);
			String error = (run.failure() != null && report == null) ? CredentialMasker.mask(run.failureMessage())
					: null;
			if (report == null) {
				return new TenantDescriptor(run.schema(), run.state().name(), null, null, 0, List.of(), List.of(),
						error);
			}
			return new TenantDescriptor(run.schema(), run.state().name(), report.schemaVersion(), report.startedAt(),
					report.duration().toMillis(), masked(report.problems()), masked(report.warnings()), error);
		}

		private static List<String> masked(List<String> texts) {
			return texts.stream().map(CredentialMasker::mask).toList();
		}
	}
}
