package io.github.idempotentmigrations.shadow;

import java.util.Arrays;
import java.util.function.Predicate;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.output.MigrateResult;

/** Builds the expected schema: plain Flyway, with the application's configuration, on the shadow database. */
public final class ExpectedSchema {

    private ExpectedSchema() {
    }

    /**
     * Migrates the shadow as plain Flyway would migrate an empty database: same locations, placeholders, schemas,
     * history table and Java migrations, with the application's callbacks that {@code keep} accepts.
     */
    public static MigrateResult build(Configuration application, DataSource shadow, Predicate<Callback> keep) {
        return build(application, shadow, keep, application.getTarget());
    }

    /** As {@link #build(Configuration, DataSource, Predicate)}, up to {@code target} only; a later call continues. */
    public static MigrateResult build(Configuration application, DataSource shadow, Predicate<Callback> keep,
            MigrationVersion target) {
        return Flyway.configure(application.getClassLoader())
            .configuration(application)
            .dataSource(shadow)
            .target(target)
            .callbacks(Arrays.stream(application.getCallbacks()).filter(keep).toArray(Callback[]::new))
            .load()
            .migrate();
    }
}
