package io.github.idempotentmigrations.flyway;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.idempotentmigrations.flyway.Finding.Kind;

/**
 * Applies the {@code idempotent-migrations.repair.*} policies to what inspection found,
 * without changing anything: each finding becomes a repair to do, a warning, or a problem
 * that stops startup.
 */
final class RepairPolicies {

	private final RepairSettings settings;

	RepairPolicies(RepairSettings settings) {
		this.settings = settings;
	}

	/**
	 * For migrate mode: records warnings and problems in the report and returns the kinds
	 * to repair.
	 */
	Set<Kind> decide(List<Finding> findings, StartupReport report) {
		Set<Kind> toRepair = EnumSet.noneOf(Kind.class);
		for (Finding finding : findings) {
			RepairPolicy policy = policyFor(finding.kind());
			// each key's enum holds only the values it means: WARN exists only where a
			// finding can be left as is
			if (policy == RepairPolicy.REPAIR) {
				toRepair.add(finding.kind());
			}
			else if (policy == RepairPolicy.WARN) {
				report.warn(finding.description() + "; left as is (" + finding.kind().property() + "="
						+ policy.name().toLowerCase(Locale.ROOT) + ")"
						+ (finding.remedy().isEmpty() ? "" : ". " + finding.remedy()));
			}
			else {
				report.problem(finding.kind().stopReason(),
						finding.description() + ". Startup stops because " + finding.kind().property() + "="
								+ policy.name().toLowerCase(Locale.ROOT) + "."
								+ (finding.remedy().isEmpty() ? "" : " " + finding.remedy()));
			}
		}
		return toRepair;
	}

	/**
	 * For validate mode: everything that keeps the schema from being converged is a
	 * problem; what the policies would leave as is anyway is a warning.
	 */
	void validate(InspectionResult found, StartupReport report) {
		for (Finding finding : found.findings()) {
			RepairPolicy policy = policyFor(finding.kind());
			if (policy == RepairPolicy.WARN) {
				report.warn(finding.description());
			}
			else {
				report.problem(finding.description());
			}
		}
		found.pending()
			.forEach((m) -> report.problem("Migration " + InspectionResult.label(m) + " is pending (not applied yet)"));
		found.rebuiltIndexes().forEach((rebuild) -> report.warn(rebuild.description()));
	}

	RepairPolicy policyFor(Kind kind) {
		RepairChoice choice = switch (kind) {
			case UNHISTORIED_SCHEMA -> this.settings.unhistoriedSchema();
			case FAILED_MIGRATION -> this.settings.failedMigrations();
			case CHECKSUM_MISMATCH -> this.settings.checksumMismatches();
			case MISSING_MIGRATION -> this.settings.missingMigrations();
			case INVALID_INDEX -> this.settings.invalidIndexes();
			case DRIFT -> this.settings.drift();
		};
		return choice.policy();
	}

}
