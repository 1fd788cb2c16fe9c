package io.github.idempotentmigrations.test;

import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import org.jspecify.annotations.Nullable;

/**
 * The text of a state that did not converge: the state, the seed that repeats it, how it
 * was reached, then either why startup failed (migration, statement, outcome, expected
 * and found, SQLSTATE) or what differs from plain Flyway's result, and the engine's
 * report of the run.
 */
final class FailureText {

	private final StringBuilder text = new StringBuilder();

	/**
	 * Starts the text of a state that did not converge.
	 * @param state the state, and the tenant schema it was reached in when there is one
	 */
	FailureText(String state, long seed, String reached) {
		this.text.append("State ")
			.append(state)
			.append(" did not converge (seed ")
			.append(seed)
			.append("; repeat with -D")
			.append(MigrationConvergence.SEED_PROPERTY)
			.append('=')
			.append(seed)
			.append(")\n  Starting state: ")
			.append(reached);
	}

	FailureText notReached(Throwable failure) {
		this.text.append("\n  The state could not be reached: ").append(failure.getMessage());
		return this;
	}

	FailureText startupFailed(StarterRun run) {
		// the starter's own exception says it best; Spring's wrappers only add bean names
		this.text.append("\n  Startup failed: ")
			.append(run.convergenceFailure().map(Throwable::getMessage).orElseGet(() -> run.failure().getMessage()));
		if (run.report() != null) {
			failedStatement(run.report());
		}
		return report(run.report());
	}

	FailureText differs(List<String> differences, MigrationReport report) {
		this.text.append("\n  The application started, but the database differs from what plain Flyway builds on an"
				+ " empty one:");
		differences.forEach((line) -> this.text.append("\n    ").append(line));
		return report(report);
	}

	private void failedStatement(MigrationReport report) {
		for (MigrationResult migration : report.migrations()) {
			for (StatementResult statement : migration.statements()) {
				if (statement.outcome() == Outcome.FAILED || statement.outcome() == Outcome.CONFLICT) {
					line("Migration", migration.label() + " (" + migration.script() + ")");
					line("Statement " + statement.index(), statement.sql().strip());
					line("Outcome", statement.outcome() + ": " + statement.reason());
					line("Expected", statement.expected());
					line("Found", statement.actual());
					line("SQLSTATE", statement.sqlState());
					return;
				}
			}
		}
	}

	/**
	 * Per migration, its outcome totals and every statement that the engine did not
	 * simply apply.
	 */
	private FailureText report(@Nullable MigrationReport report) {
		if (report == null) {
			this.text.append("\n  No engine report: the run stopped before it published one.");
			return this;
		}
		this.text.append("\n  Engine report:");
		report.repairs().forEach((repair) -> this.text.append("\n    repair: ").append(repair));
		for (MigrationResult migration : report.migrations()) {
			this.text.append("\n    ").append(migration.label()).append(' ').append(counts(migration.totals()));
			migration.statements()
				.stream()
				.filter((statement) -> statement.outcome() != Outcome.APPLIED)
				.forEach((statement) -> this.text.append("\n      #")
					.append(statement.index())
					.append(' ')
					.append(statement.outcome())
					.append(' ')
					.append(statement.kind())
					.append((statement.object() != null) ? " " + statement.object() : "")
					.append(": ")
					.append(statement.reason()));
		}
		report.problems().forEach((problem) -> this.text.append("\n    problem: ").append(problem));
		report.warnings().forEach((warning) -> this.text.append("\n    warning: ").append(warning));
		return this;
	}

	private static String counts(Map<Outcome, Integer> totals) {
		StringBuilder counts = new StringBuilder();
		totals.forEach((outcome, count) -> {
			if (count > 0) {
				counts.append((counts.length() != 0) ? ", " : "").append(count).append(' ').append(outcome);
			}
		});
		return "[" + counts + "]";
	}

	private void line(String label, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			this.text.append("\n    ").append(label).append(": ").append(value);
		}
	}

	@Override
	public String toString() {
		return this.text.toString();
	}

}
