package io.github.idempotentmigrations.flyway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.StopReason;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.engine.report.StartupMode;
import org.jspecify.annotations.Nullable;

/**
 * Collects what one startup found and did, and publishes it as an immutable
 * {@link MigrationReport}, whether the startup succeeds or fails.
 */
final class StartupReport {

	private final Instant startedAt = Instant.now();

	private final StartupMode mode;

	private final MigrationRunTracker runs;

	private final MigrationReportStore store;

	private final List<RepairAction> repairs = new ArrayList<>();

	private final List<String> problems = new ArrayList<>();

	private final Set<StopReason> problemReasons = EnumSet.noneOf(StopReason.class);

	private final List<String> warnings = new ArrayList<>();

	private boolean migrated;

	private @Nullable String schemaVersion;

	StartupReport(StartupMode mode, MigrationRunTracker runs, MigrationReportStore store) {
		this.mode = mode;
		this.runs = runs;
		this.store = store;
	}

	void repaired(RepairAction.Kind kind, String subject, String action) {
		this.repairs.add(new RepairAction(kind, subject, action));
	}

	void warn(String warning) {
		this.warnings.add(warning);
	}

	/**
	 * Records a problem that stops startup: an error, a conflict, or what verification
	 * found.
	 */
	void problem(String problem) {
		problem(StopReason.NOT_CONVERGED, problem);
	}

	/** Records a problem that stops startup, with what decides it. */
	void problem(StopReason reason, String problem) {
		this.problems.add(problem);
		this.problemReasons.add(reason);
	}

	/**
	 * From now on the report includes what the engine did during
	 * {@code flyway.migrate()}.
	 */
	void migrated() {
		this.migrated = true;
	}

	void schemaVersion(@Nullable String schemaVersion) {
		this.schemaVersion = schemaVersion;
	}

	MigrationReport publish() {
		MigrationReport report = new MigrationReport(this.startedAt, Duration.between(this.startedAt, Instant.now()),
				this.mode, this.schemaVersion, this.repairs, migrations(), this.problems, this.warnings);
		this.store.publish(report);
		return report;
	}

	private List<MigrationResult> migrations() {
		return this.migrated ? this.runs.lastResults() : List.of();
	}

	/** Records the problem, publishes the report and returns the exception to throw. */
	SchemaConvergenceException fail(String problem, @Nullable Throwable cause) {
		return fail(StopReason.NOT_CONVERGED, problem, cause);
	}

	/**
	 * Records the problem with what decides it, publishes the report and returns the
	 * exception to throw.
	 */
	SchemaConvergenceException fail(StopReason reason, String problem, @Nullable Throwable cause) {
		problem(reason, problem);
		return new SchemaConvergenceException(stopReason(), problem, publish(), cause);
	}

	/** Throws when problems were recorded, naming all of them. */
	void failOnProblems(String summary) {
		if (!this.problems.isEmpty()) {
			String message = summary + ":\n - " + String.join("\n - ", this.problems);
			throw new SchemaConvergenceException(stopReason(), message, publish(), null);
		}
	}

	/**
	 * Of the problems recorded, the reason declared first names the stop: the most
	 * specific advice.
	 */
	private StopReason stopReason() {
		return this.problemReasons.iterator().next();
	}

}
