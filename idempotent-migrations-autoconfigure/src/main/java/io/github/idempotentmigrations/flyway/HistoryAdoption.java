package io.github.idempotentmigrations.flyway;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Adopts a non-empty schema that has no Flyway history. Flyway refuses to migrate such a schema; a plain baseline
 * would mark every migration as applied without checking anything. Instead the history starts with a baseline
 * below every migration, so {@code migrate()} runs all of them through the engine: present objects are skipped,
 * missing ones created.
 */
final class HistoryAdoption {

    private static final String BASELINE_VERSION = "0";

    private static final String BASELINE_DESCRIPTION = "<< adopted by idempotent-migrations >>";

    private HistoryAdoption() {
    }

    /** Whether the history row is the baseline an adoption started with (the adoption may not have finished). */
    static boolean isAdoptionBaseline(MigrationInfo row) {
        return row.getType().isBaseline() && BASELINE_DESCRIPTION.equals(row.getDescription());
    }

    /** A Flyway that starts the history with the adoption baseline when there is none yet. */
    static Flyway adopting(Flyway flyway, MigratedSchemas schemas, StartupReport report) {
        report.repaired(Finding.Kind.UNHISTORIED_SCHEMA.name(), String.join(", ", schemas.names()),
                "adopted: history started at baseline " + BASELINE_VERSION
                        + " and every migration run through the engine (present objects skipped, missing created)");
        return Flyway.configure(flyway.getConfiguration().getClassLoader())
            .configuration(flyway.getConfiguration())
            .baselineOnMigrate(true)
            .baselineVersion(BASELINE_VERSION)
            .baselineDescription(BASELINE_DESCRIPTION)
            .load();
    }
}
