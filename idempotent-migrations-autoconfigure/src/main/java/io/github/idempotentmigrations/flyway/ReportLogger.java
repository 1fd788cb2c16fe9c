package io.github.idempotentmigrations.flyway;

import java.util.Map;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Logs a published report: one summary line, one line per repair, conflict and warning,
 * and the whole report at DEBUG. Every text is masked, since driver messages and SQL may
 * carry credentials.
 */
final class ReportLogger {

	private static final Log logger = LogFactory.getLog("io.github.idempotentmigrations");

	// A line stays readable in any log viewer, whatever a repair lists; the whole text is
	// in the report.
	private static final int LONGEST = 240;

	void log(MigrationReport report) {
		if (report.converged()) {
			logger.info(fit(summary(report)));
		}
		else {
			logger.warn(fit(summary(report)));
		}
		report.repairs()
			.forEach((repair) -> logger.info(fit("Repaired " + repair.kind() + " "
					+ CredentialMasker.mask(repair.subject()) + ": " + CredentialMasker.mask(repair.action()))));
		for (MigrationResult migration : report.migrations()) {
			migration.statements()
				.stream()
				.filter((statement) -> statement.outcome() == Outcome.CONFLICT)
				.forEach((conflict) -> logger
					.warn(fit("Conflict in migration " + migration.label() + " statement " + conflict.index() + " on "
							+ conflict.object() + ": " + CredentialMasker.mask(conflict.reason()))));
		}
		report.warnings().forEach((warning) -> logger.warn(fit(CredentialMasker.mask(warning))));
		if (logger.isDebugEnabled()) {
			logger.debug(details(report));
		}
	}

	static String fit(String line) {
		return (line.length() <= LONGEST) ? line
				: line.substring(0, LONGEST) + " ... (+" + (line.length() - LONGEST) + " chars: /actuator/schema)";
	}

	/**
	 * E.g.
	 * {@code Schema converged at version 5 in 412 ms: 3 migrations, 20 statements (12 applied, ...)}.
	 */
	static String summary(MigrationReport report) {
		Map<Outcome, Integer> totals = report.totals();
		int statements = totals.values().stream().mapToInt(Integer::intValue).sum();
		StringBuilder line = new StringBuilder("Schema ").append(report.converged() ? "converged" : "NOT converged")
			.append(" at version ")
			.append((report.schemaVersion() != null) ? report.schemaVersion() : "<none>")
			.append(" in ")
			.append(report.duration().toMillis())
			.append(" ms: ")
			.append(report.migrations().size())
			.append(" migrations, ")
			.append(statements)
			.append(" statements (")
			.append(totals.get(Outcome.APPLIED))
			.append(" applied, ")
			.append(totals.get(Outcome.SKIPPED))
			.append(" skipped, ")
			.append(totals.get(Outcome.RECONCILED))
			.append(" reconciled, ")
			.append(totals.get(Outcome.CONFLICT))
			.append(" conflicts");
		if (totals.get(Outcome.FAILED) > 0) {
			line.append(", ").append(totals.get(Outcome.FAILED)).append(" failed");
		}
		line.append(')');
		if (!report.converged()) {
			line.append("; ").append(CredentialMasker.mask(String.join("; ", report.problems())));
		}
		return line.toString();
	}

	private static String details(MigrationReport report) {
		StringBuilder text = new StringBuilder("Migration report (mode ").append(report.mode()).append(')');
		for (MigrationResult migration : report.migrations()) {
			text.append(System.lineSeparator())
				.append("  ")
				.append(migration.label())
				.append(" (")
				.append(migration.script())
				.append(", ")
				.append(migration.duration().toMillis())
				.append(" ms)");
			for (StatementResult statement : migration.statements()) {
				text.append(System.lineSeparator())
					.append("    ")
					.append(statement.index())
					.append(' ')
					.append(statement.outcome())
					.append(' ')
					.append(statement.kind())
					.append((statement.object() != null) ? " " + statement.object() : "")
					.append(": ")
					.append(CredentialMasker.mask(statement.reason()));
			}
		}
		report.repairs()
			.forEach((repair) -> text.append(System.lineSeparator())
				.append("  repaired ")
				.append(repair.kind())
				.append(' ')
				.append(CredentialMasker.mask(repair.subject()))
				.append(": ")
				.append(CredentialMasker.mask(repair.action())));
		report.warnings()
			.forEach((warning) -> text.append(System.lineSeparator())
				.append("  warning: ")
				.append(CredentialMasker.mask(warning)));
		report.problems()
			.forEach((problem) -> text.append(System.lineSeparator())
				.append("  problem: ")
				.append(CredentialMasker.mask(problem)));
		return text.toString();
	}

}
