package io.github.idempotentmigrations.flyway;

import static io.github.idempotentmigrations.flyway.MigratingApplication.failure;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * State L on the {@code lost-history} scenario (V2 creates a table in a {@code DO} block, V3 seeds it, V4 adds a
 * NOT NULL column and its index, V5 creates a table): history rows deleted while the objects stayed are taken as
 * lost; a pending migration that fails for a reason of its own still fails, with nothing changed.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class LostHistoryStartupTests {

    private static final String SCENARIO = "lost-history";

    @Test
    void aPendingMigrationThatFailsForARealReasonStillFailsWithNothingChanged(TestDatabase db) {
        plainFlyway(db, SCENARIO, "3");
        db.execute("INSERT INTO accounts VALUES (1, 'ann@example.com'), (2, 'bob@example.com')");
        DatabaseSnapshot before = DatabaseSnapshot.of(db);
        List<String> historyBefore = MigratingApplication.history(db);

        on(db, SCENARIO).run(context -> {
            SchemaConvergenceException failure = failure(context);
            assertThat(failure.getMessage()).contains("Migration 4 \"add tier\"", "contains null values");
            assertThat(failure.report().repairs()).isEmpty();
            // The shadow was asked, and said the schema is not ahead of its history.
            assertThat(failure.report().warnings())
                .anySatisfy(warning -> assertThat(warning).contains("not taken as lost",
                        "holds nothing that only the pending migrations build"));
        });

        assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
        assertThat(MigratingApplication.history(db)).isEqualTo(historyBefore);
    }

    @Test
    void aFailureAgainstASchemaAheadOfItsHistoryTakesThePendingMigrationsAsApplied(TestDatabase db) {
        plainFlyway(db, SCENARIO, "5");
        List<String> plainHistory = MigratingApplication.history(db);
        db.execute("INSERT INTO settings VALUES ('theme', 'dark')");
        // History rows lost, and V4's column with them: of what the statements name, only V5's table is there to see
        // before migrating, as after a hot-fix: the normal path runs, and V2's DO block fails.
        db.execute("DELETE FROM flyway_schema_history WHERE installed_rank > 1");
        db.execute("ALTER TABLE accounts DROP COLUMN tier");
        List<String> rows = DatabaseSnapshot.of(db).userRows();

        on(db, SCENARIO).run(context -> {
            assertThat(context).hasNotFailed();
            RepairAction repair = onlyRepair(context.getBean(MigrationReportStore.class).last().orElseThrow());
            assertThat(repair.action()).contains("migrations 2, 3, 4, 5", "a pending migration failed",
                    "relation \"settings\" already exists", "created what was missing");
        });

        assertThat(MigratingApplication.history(db)).isEqualTo(plainHistory);
        assertThat(DatabaseSnapshot.of(db).userRows()).isEqualTo(rows);
        assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(MigratingApplication.plainFlywayCatalog(SCENARIO, "5"));
    }

    @Test
    void objectsThatSeveralPendingMigrationsBuildAreTheSignBeforeAnythingRuns(TestDatabase db) {
        plainFlyway(db, SCENARIO, "5");
        List<String> plainHistory = MigratingApplication.history(db);
        db.execute("INSERT INTO accounts VALUES (1, 'ann@example.com', 'pro')");
        db.execute("DELETE FROM flyway_schema_history WHERE installed_rank > 1");
        DatabaseSnapshot before = DatabaseSnapshot.of(db);

        on(db, SCENARIO).run(context -> {
            assertThat(context).hasNotFailed();
            MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
            assertThat(onlyRepair(report).action()).contains("objects that pending migrations 4, 5 build");
            // Nothing of the pending migrations ran: not even the seed INSERT that would now fail.
            assertThat(report.migrations()).isEmpty();
        });

        assertThat(MigratingApplication.history(db)).isEqualTo(plainHistory);
        assertThat(DatabaseSnapshot.of(db).userRows()).isEqualTo(before.userRows());
        assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(before.catalog());
    }

    @Test
    void anOrdinaryDeployNeverOpensAShadow(TestDatabase db) {
        plainFlyway(db, SCENARIO, "3");
        db.execute("INSERT INTO settings VALUES ('theme', 'dark')");

        on(db, SCENARIO).run(context -> {
            assertThat(context).hasNotFailed();
            MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
            assertThat(report.repairs()).isEmpty();
            assertThat(report.warnings()).noneMatch(warning -> warning.contains("history lost rows"));
            assertThat(report.migrations()).extracting(m -> m.version()).containsExactly("4", "5");
        });
    }

    private static RepairAction onlyRepair(MigrationReport report) {
        assertThat(report.repairs()).extracting(RepairAction::kind).containsExactly("HISTORY_LOST");
        return report.repairs().get(0);
    }
}
