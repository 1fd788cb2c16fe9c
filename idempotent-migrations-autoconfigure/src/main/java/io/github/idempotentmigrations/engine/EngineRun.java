package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.engine.catalog.CatalogCache;
import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.engine.sql.ClassifiedStatement;
import io.github.idempotentmigrations.engine.sql.StatementClassifier;
import io.github.idempotentmigrations.engine.sql.StatementKind;

/**
 * One migrate run: executes the statements of successive migrations idempotently and records what happened.
 * Not thread-safe: Flyway runs one migration at a time.
 */
public final class EngineRun {

    private final EngineSettings settings;

    private final RunState state;

    private final CatalogCache catalog = new CatalogCache();

    private final List<MigrationResult> finished = new ArrayList<>();

    private final List<StatementResult> statements = new ArrayList<>();

    private String version;

    private String description;

    private String script;

    private long migrationStart;

    EngineRun(EngineSettings settings, RunOptions options) {
        this.settings = settings;
        this.state = new RunState(settings, options);
    }

    public void beginMigration(String version, String description, String script) {
        this.version = version;
        this.description = description;
        this.script = script;
        this.migrationStart = System.nanoTime();
        this.statements.clear();
        this.state.migrationStarted();
    }

    /**
     * Runs one statement idempotently on the migration's connection.
     * @return what happened; see {@link #flywayExecutes(StatementResult)} for the one case Flyway must still run it
     * @throws StatementRejectedException when the statement fails, or conflicts under {@link ConflictPolicy#FAIL}
     */
    public StatementResult execute(Connection connection, String sql) {
        long start = System.nanoTime();
        ClassifiedStatement statement = this.state.lookahead.advancePast(sql)
            .filter(known -> known.sql().equals(sql))
            .orElseGet(() -> StatementClassifier.classify(sql));
        StatementExecution execution = new StatementExecution(connection, statement, this.catalog, this.state);
        Verdict verdict;
        try {
            verdict = Guards.decide(execution);
        }
        catch (SQLException | RuntimeException ex) {
            this.catalog.invalidateAll();
            String sqlState = (ex instanceof SQLException sqlException) ? sqlException.getSQLState() : null;
            StatementResult failed = record(statement, new Verdict(Outcome.FAILED,
                    (statement.target() != null) ? statement.target().toString() : null, ex.getMessage(), null, null),
                    execution, sqlState, start);
            throw new StatementRejectedException(failed, ex);
        }
        noteSchemaEvidence(statement.kind(), verdict.outcome());
        StatementResult result = record(statement, verdict, execution, null, start);
        if (verdict.outcome() == Outcome.CONFLICT && this.settings.onConflict() == ConflictPolicy.FAIL) {
            throw new StatementRejectedException(result, null);
        }
        return result;
    }

    /**
     * Records a statement that caller code ran, or chose not to run, under its own explicit guard (a Java migration's
     * condition query): the engine's guards and data policy do not apply, but the decision lands in the same report.
     * @param sqlState for {@link Outcome#FAILED}: the SQLSTATE of the error; otherwise null
     */
    public StatementResult recordDecision(String sql, Outcome outcome, String reason, String sqlState,
            Duration duration) {
        ClassifiedStatement statement = StatementClassifier.classify(sql);
        StatementResult result = new StatementResult(this.statements.size() + 1, statement.sql(),
                statement.kind().name(), (statement.target() != null) ? statement.target().toString() : null, outcome,
                reason, List.of(), null, null, sqlState, duration);
        this.statements.add(result);
        return result;
    }

    /** Whether Flyway must execute the statement itself: {@code COPY ... FROM STDIN} streams data only it holds. */
    public static boolean flywayExecutes(StatementResult result) {
        return result.outcome() == Outcome.APPLIED && StatementKind.COPY.name().equals(result.kind());
    }

    public MigrationResult finishMigration() {
        MigrationResult result = new MigrationResult(this.version, this.description, this.script, this.statements,
                Duration.ofNanos(System.nanoTime() - this.migrationStart));
        this.finished.add(result);
        this.statements.clear();
        return result;
    }

    public List<MigrationResult> results() {
        return List.copyOf(this.finished);
    }

    /** Objects the run made sure exist, for verification and live drift checks. */
    public List<EnsuredObject> ensured() {
        return this.state.ensured();
    }

    /** How many catalog queries the run has made: the engine's cost beyond the statements themselves. */
    public int catalogQueries() {
        return this.catalog.queryCount();
    }

    private void noteSchemaEvidence(StatementKind kind, Outcome outcome) {
        if (kind.isDataChange() || kind == StatementKind.UTILITY) {
            return;
        }
        if (outcome == Outcome.APPLIED) {
            this.state.schemaChanged();
        }
        else {
            this.state.schemaFoundPresent();
        }
    }

    private StatementResult record(ClassifiedStatement statement, Verdict verdict, StatementExecution execution,
            String sqlState, long start) {
        StatementResult result = new StatementResult(this.statements.size() + 1, statement.sql(),
                statement.kind().name(), verdict.object(), verdict.outcome(), verdict.reason(),
                execution.derivedActions(), verdict.expected(), verdict.actual(), sqlState,
                Duration.ofNanos(System.nanoTime() - start));
        this.statements.add(result);
        return result;
    }
}
