package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Pattern;

import io.github.idempotentmigrations.engine.EngineRun;
import io.github.idempotentmigrations.engine.IdempotentEngine;
import io.github.idempotentmigrations.engine.RunOptions;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Repairs Flyway's history table row by row, so each policy acts only on its own kind of row (Flyway's
 * {@code repair()} would also realign every checksum and mark every missing migration deleted at once).
 */
final class HistoryRepairer {

    // Statements PostgreSQL refuses inside a transaction block; Flyway runs such a script without one too.
    private static final Pattern NON_TRANSACTIONAL = Pattern
        .compile("(?i)\\b(CONCURRENTLY|ALTER\\s+SYSTEM|VACUUM)\\b");

    private final IdempotentEngine engine;

    private final PendingScripts scripts;

    HistoryRepairer(IdempotentEngine engine, PendingScripts scripts) {
        this.engine = engine;
        this.scripts = scripts;
    }

    /** Removes the failed rows so Flyway runs those migrations again, through the engine. */
    void removeFailedRows(Connection session, MigratedSchemas schemas, List<MigrationInfo> failed, StartupReport report)
            throws SQLException {
        String sql = "DELETE FROM " + schemas.qualifiedHistoryTable() + " WHERE installed_rank = ? AND NOT success";
        for (MigrationInfo migration : failed) {
            try (PreparedStatement statement = session.prepareStatement(sql)) {
                statement.setInt(1, migration.getInstalledRank());
                statement.executeUpdate();
            }
            report.repaired(Finding.Kind.FAILED_MIGRATION.name(), InspectionResult.label(migration),
                    "removed the failed history row; the migration runs again through the engine");
        }
    }

    /**
     * Runs the edited script through the engine (what is present is skipped, what the edit added is created), then
     * records the new checksum, in one transaction unless the script cannot run in one.
     */
    void rerunAndRealign(Connection session, MigratedSchemas schemas, MigrationInfo migration,
            List<String> upcomingStatements, StartupReport report) throws SQLException {
        List<String> statements = this.scripts.executableStatements(migration)
            .orElseThrow(() -> report.fail("Migration " + InspectionResult.label(migration) + " was edited after it"
                    + " was applied, and its script " + migration.getScript() + " cannot be read to run it again",
                    null));
        boolean transactional = statements.stream().noneMatch(s -> NON_TRANSACTIONAL.matcher(s).find());
        session.setAutoCommit(!transactional);
        try {
            EngineRun run = this.engine.startRun(new RunOptions(true));
            run.beginMigration(migration.getVersion().getVersion(), migration.getDescription(), migration.getScript());
            try {
                statements.forEach(statement -> run.execute(session, statement));
            }
            finally {
                run.finishMigration();
                report.rerun(run);
            }
            updateChecksum(session, schemas, migration);
            if (transactional) {
                session.commit();
            }
        }
        catch (RuntimeException | SQLException ex) {
            if (transactional) {
                session.rollback();
            }
            throw ex;
        }
        finally {
            session.setAutoCommit(true);
        }
        report.repaired(Finding.Kind.CHECKSUM_MISMATCH.name(), InspectionResult.label(migration),
                "ran the edited script through the engine and recorded its new checksum "
                        + migration.getResolvedChecksum() + " (was " + migration.getAppliedChecksum() + ")");
    }

    private static void updateChecksum(Connection session, MigratedSchemas schemas, MigrationInfo migration)
            throws SQLException {
        try (PreparedStatement statement = session.prepareStatement("UPDATE " + schemas.qualifiedHistoryTable()
                + " SET checksum = ? WHERE installed_rank = ?")) {
            statement.setInt(1, migration.getResolvedChecksum());
            statement.setInt(2, migration.getInstalledRank());
            statement.executeUpdate();
        }
    }
}
