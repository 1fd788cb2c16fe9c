package io.github.idempotentmigrations.engine.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The immutable record of one startup run: repairs, migrations and their statements,
 * verification problems.
 *
 * @param startedAt when the run started
 * @param duration how long it took
 * @param mode whether the run migrated or only validated
 * @param schemaVersion the schema version after the run (null when none)
 * @param repairs actions taken before migrating
 * @param migrations migrations run, in order
 * @param problems what stops the schema from being converged (empty when converged)
 * @param warnings things a person should know but that did not stop the run
 */
public record MigrationReport(Instant startedAt, Duration duration, StartupMode mode, @Nullable String schemaVersion,
		List<RepairAction> repairs, List<MigrationResult> migrations, List<String> problems, List<String> warnings) {

	public MigrationReport {
		repairs = List.copyOf(repairs);
		migrations = List.copyOf(migrations);
		problems = List.copyOf(problems);
		warnings = List.copyOf(warnings);
	}

	/** Whether the run ended with the schema in the state the migrations describe. */
	public boolean converged() {
		return this.problems.isEmpty();
	}

	public Map<Outcome, Integer> totals() {
		return OutcomeTotals.of(this.migrations.stream().flatMap((m) -> m.statements().stream()).toList());
	}

	public List<StatementResult> conflicts() {
		return this.migrations.stream()
			.flatMap((m) -> m.statements().stream())
			.filter((s) -> s.outcome() == Outcome.CONFLICT)
			.toList();
	}
}
