package io.github.idempotentmigrations.flyway;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.StatementRejectedException;
import io.github.idempotentmigrations.engine.report.MigrationReport;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;

/**
 * The migration strategy Boot calls at startup: migrate through the engine and publish the report; on anything the
 * engine cannot make converge, fail with a {@link SchemaConvergenceException} carrying the report.
 */
public final class IdempotentMigrationStrategy implements FlywayMigrationStrategy {

    private final MigrationRunTracker runs;

    private final MigrationReportStore reports;

    public IdempotentMigrationStrategy(MigrationRunTracker runs, MigrationReportStore reports) {
        this.runs = runs;
        this.reports = reports;
    }

    @Override
    public void migrate(Flyway flyway) {
        Instant startedAt = Instant.now();
        try {
            flyway.migrate();
            this.reports.publish(report(flyway, startedAt, List.of()));
        }
        catch (FlywayException ex) {
            String problem = rootMessage(ex);
            MigrationReport report = report(flyway, startedAt, List.of(problem));
            this.reports.publish(report);
            throw new SchemaConvergenceException(problem, report, ex);
        }
    }

    private MigrationReport report(Flyway flyway, Instant startedAt, List<String> problems) {
        var current = flyway.info().current();
        return new MigrationReport(startedAt, Duration.between(startedAt, Instant.now()), StartupMode.MIGRATE.name(),
                (current != null && current.getVersion() != null) ? current.getVersion().getVersion() : null,
                List.of(), this.runs.lastResults(), problems, List.of());
    }

    private static String rootMessage(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof StatementRejectedException rejected) {
                return rejected.getMessage();
            }
        }
        return ex.getMessage();
    }
}
