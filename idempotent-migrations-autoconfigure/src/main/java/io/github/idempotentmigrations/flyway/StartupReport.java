package io.github.idempotentmigrations.flyway;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.RepairAction;

/**
 * Collects what one startup found and did, and publishes it as an immutable {@link MigrationReport}, whether the
 * startup succeeds or fails.
 */
final class StartupReport {

    private final Instant startedAt = Instant.now();

    private final StartupMode mode;

    private final MigrationRunTracker runs;

    private final MigrationReportStore store;

    private final List<RepairAction> repairs = new ArrayList<>();

    private final List<String> problems = new ArrayList<>();

    private final List<String> warnings = new ArrayList<>();

    private boolean migrated;

    private String schemaVersion;

    StartupReport(StartupMode mode, MigrationRunTracker runs, MigrationReportStore store) {
        this.mode = mode;
        this.runs = runs;
        this.store = store;
    }

    void repaired(String kind, String subject, String action) {
        this.repairs.add(new RepairAction(kind, subject, action));
    }

    void warn(String warning) {
        this.warnings.add(warning);
    }

    void problem(String problem) {
        this.problems.add(problem);
    }

    /** From now on the report includes what the engine did during {@code flyway.migrate()}. */
    void migrated() {
        this.migrated = true;
    }

    void schemaVersion(String schemaVersion) {
        this.schemaVersion = schemaVersion;
    }

    MigrationReport publish() {
        MigrationReport report = new MigrationReport(this.startedAt, Duration.between(this.startedAt, Instant.now()),
                this.mode.name(), this.schemaVersion, this.repairs, migrations(), this.problems, this.warnings);
        this.store.publish(report);
        return report;
    }

    private List<MigrationResult> migrations() {
        return this.migrated ? this.runs.lastResults() : List.of();
    }

    /** Records the problem, publishes the report and returns the exception to throw. */
    SchemaConvergenceException fail(String problem, Throwable cause) {
        problem(problem);
        return new SchemaConvergenceException(problem, publish(), cause);
    }

    /** Records why a transaction pooler stops startup, publishes the report and returns the exception to throw. */
    TransactionPoolerException failBehindTransactionPooler() {
        problem(TransactionPooler.ANALYSIS);
        return new TransactionPoolerException(TransactionPooler.ANALYSIS, publish());
    }

    /** Throws when problems were recorded, naming all of them. */
    void failOnProblems(String summary) {
        if (!this.problems.isEmpty()) {
            String message = summary + ":\n - " + String.join("\n - ", this.problems);
            throw new SchemaConvergenceException(message, publish(), null);
        }
    }
}
