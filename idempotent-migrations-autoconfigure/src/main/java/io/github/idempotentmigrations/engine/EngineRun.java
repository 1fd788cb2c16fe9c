package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;

/** One migrate run: executes statements of successive migrations and records what happened. */
public final class EngineRun {

    private final EngineSettings settings;

    private final RunOptions options;

    private final List<MigrationResult> finished = new ArrayList<>();

    private String version;

    private String description;

    private String script;

    private long migrationStart;

    private final List<StatementResult> statements = new ArrayList<>();

    EngineRun(EngineSettings settings, RunOptions options) {
        this.settings = settings;
        this.options = options;
    }

    public void beginMigration(String version, String description, String script) {
        this.version = version;
        this.description = description;
        this.script = script;
        this.migrationStart = System.nanoTime();
        this.statements.clear();
    }

    public StatementResult execute(Connection connection, String sql) {
        long start = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
        catch (SQLException ex) {
            StatementResult failed = new StatementResult(this.statements.size() + 1, sql, "UNKNOWN", null,
                    Outcome.FAILED, ex.getMessage(), List.of(), null, null, ex.getSQLState(),
                    Duration.ofNanos(System.nanoTime() - start));
            this.statements.add(failed);
            throw new StatementRejectedException(failed, ex);
        }
        StatementResult result = new StatementResult(this.statements.size() + 1, sql, "UNKNOWN", null,
                Outcome.APPLIED, "ran as written", List.of(), null, null, null,
                Duration.ofNanos(System.nanoTime() - start));
        this.statements.add(result);
        return result;
    }

    public MigrationResult finishMigration(boolean succeeded) {
        MigrationResult result = new MigrationResult(this.version, this.description, this.script, this.statements,
                Duration.ofNanos(System.nanoTime() - this.migrationStart));
        this.finished.add(result);
        this.statements.clear();
        return result;
    }

    public List<MigrationResult> results() {
        return List.copyOf(this.finished);
    }
}
