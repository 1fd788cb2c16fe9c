package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.shadow.ExpectedSchema;
import io.github.idempotentmigrations.shadow.LostHistory;
import io.github.idempotentmigrations.shadow.ShadowAdoption;
import io.github.idempotentmigrations.shadow.ShadowDatabase;
import io.github.idempotentmigrations.shadow.Transaction;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;

/**
 * State L: the history table lost its newest rows (a restored dump, a {@code DELETE} by hand) while the schema kept
 * what those migrations built, so replaying them runs old statements against a schema already ahead of them. The
 * question is asked only on a sign: after a pending migration failed and rolled back; or before migrating, when
 * objects that several pending migrations build are already there ({@link HistoryEvidence}, no shadow), so that no
 * replayed migration commits a leftover (a table created under a name a later rename has taken) before the failure.
 * An ordinary deploy, or one with an object made by hand ahead of its migration, shows neither and never pays for a
 * shadow. Migrations that update or delete rows are never taken as applied: whether they ran cannot be told.
 * <p>
 * Plain Flyway builds the schema on a shadow at the history's version and then at the full target; when the schema
 * found is the full one but for missing objects the shadow can create, holds the rows the pending migrations add and
 * something only they build ({@link LostHistory}), the pending migrations are taken as applied: missing objects
 * created from the shadow's definitions, their history rows copied as plain Flyway wrote them, none of their
 * statements kept. One transaction: when anything fails, schema, rows and history stay as they were.
 */
final class LostHistoryRepair {

    static final String KIND = "HISTORY_LOST";

    private final ShadowConnections shadows;

    LostHistoryRepair(ShadowSettings shadow) {
        this.shadows = new ShadowConnections(shadow, "check whether the history lost rows");
    }

    /** Before migrating: whether the history lost rows and was repaired, so nothing is left to run. */
    boolean repairIfAhead(Flyway flyway, Connection session, MigratedSchemas schemas, StartupReport report)
            throws SQLException {
        MigrationInfoService info = flyway.info();
        List<MigrationInfo> pending = versioned(info.pending());
        if (pending.isEmpty()) {
            return false;
        }
        List<MigrationInfo> applied = Arrays.stream(info.applied())
            .filter(m -> m.getState().isApplied() && !m.getState().isFailed() && !m.getType().isBaseline())
            .toList();
        Optional<List<String>> built = new HistoryEvidence(flyway.getConfiguration(), pending)
            .severalAlreadyBuilt(applied, session);
        return built.isPresent() && repair(flyway, info, pending, session, schemas, report, "the schema already"
                + " holds objects that pending migrations " + String.join(", ", built.get()) + " build");
    }

    /**
     * After {@code failure} of a pending migration: whether the history lost rows and was repaired. When not, the
     * caller lets the failure stand, with nothing changed here.
     */
    boolean repairAfter(RuntimeException failure, Flyway flyway, Connection session, MigratedSchemas schemas,
            StartupReport report) throws SQLException {
        MigrationInfoService info = flyway.info();
        List<MigrationInfo> pending = versioned(info.pending());
        // A failed row is a non-transactional migration that stopped half-way: the statement journal resumes it.
        if (pending.isEmpty() || Arrays.stream(info.all()).anyMatch(m -> m.getState().isFailed())) {
            return false;
        }
        return repair(flyway, info, pending, session, schemas, report,
                "a pending migration failed (" + CredentialMasker.mask(failure.getMessage()) + ")");
    }

    private boolean repair(Flyway flyway, MigrationInfoService info, List<MigrationInfo> pending, Connection session,
            MigratedSchemas schemas, StartupReport report, String sign) {
        if (new HistoryEvidence(flyway.getConfiguration(), pending).changesRowsUnseen()) {
            report.warn("Checked whether the history lost rows because " + sign + ": not taken as lost (a pending"
                    + " migration updates or deletes rows, or is Java code, and whether that ran here cannot be told)");
            return false;
        }
        try (ShadowDatabase shadow = this.shadows.open(flyway.getConfiguration().getDataSource(), session)) {
            LostHistory judged = judge(flyway, info, shadow, session, schemas);
            if (!judged.lost()) {
                report.warn("Checked whether the history lost rows because " + sign + ": not taken as lost ("
                        + judged.explain() + ")");
                return false;
            }
            List<String> versions = pending.stream().map(m -> m.getVersion().getVersion()).toList();
            takeAsApplied(judged, versions, shadow, session, schemas);
            report.repaired(KIND, String.join(", ", schemas.names()), "history rows of migrations "
                    + String.join(", ", versions) + " were missing while the schema is ahead of them (" + sign + "; "
                    + judged.explain() + "): taken as applied, checked on the " + shadow.description()
                    + ", none of their statements run here" + (judged.diff().missing().isEmpty() ? ""
                            : "; created what was missing from the shadow's definitions")
                    + "; history rows written as plain Flyway wrote them on the shadow");
            return true;
        }
        catch (SQLException | RuntimeException ex) {
            // No shadow, no expected schema, or a missing object that could not be created: the question has no safe
            // answer, so what brought it up stands as it is (the repair's transaction rolled back).
            report.warn("Could not check whether the history lost rows: " + CredentialMasker.mask(ex.getMessage()));
            return false;
        }
    }

    private static LostHistory judge(Flyway flyway, MigrationInfoService info, ShadowDatabase shadow,
            Connection session, MigratedSchemas schemas) throws SQLException {
        MigrationInfo current = info.current();
        if (current != null && current.getVersion() != null) {
            ExpectedSchema.build(flyway.getConfiguration(), shadow.dataSource(), HistoryAdoption::plainFlyway,
                    current.getVersion());
        }
        LostHistory.AtHistory atHistory = LostHistory.AtHistory.read(shadow.connection());
        ExpectedSchema.build(flyway.getConfiguration(), shadow.dataSource(), HistoryAdoption::plainFlyway,
                MigrationVersion.LATEST);
        return LostHistory.judge(atHistory, shadow.connection(), session, schemas.historySchema(),
                schemas.historyTable());
    }

    private static void takeAsApplied(LostHistory judged, List<String> versions, ShadowDatabase shadow,
            Connection session, MigratedSchemas schemas) throws SQLException {
        Transaction.run(session, () -> {
            ShadowAdoption adoption = new ShadowAdoption(shadow.connection(), session);
            adoption.fill(judged.diff());
            return adoption.copyHistoryRows(schemas.qualifiedHistoryTable(), versions);
        });
    }

    private static List<MigrationInfo> versioned(MigrationInfo[] pending) {
        return Arrays.stream(pending).filter(m -> m.getVersion() != null).toList();
    }
}
