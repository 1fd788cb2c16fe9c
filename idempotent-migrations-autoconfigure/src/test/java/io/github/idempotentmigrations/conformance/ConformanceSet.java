package io.github.idempotentmigrations.conformance;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;

/**
 * A migration set ready to run: its Flyway folder, plain Flyway on it, and what plain Flyway builds, computed once
 * and shared by every starting state (the reference snapshot and the catalog after each migration).
 */
final class ConformanceSet {

    private final MigrationSet set;

    private final Path folder;

    private DatabaseSnapshot reference;

    private Duration plainTime;

    private List<CatalogObjects> catalogs;

    ConformanceSet(MigrationSet set, Path root) {
        this.set = set;
        this.folder = set.materialize(root);
    }

    MigrationSet set() {
        return set;
    }

    String location() {
        return "filesystem:" + folder.toAbsolutePath();
    }

    /** Plain Flyway, no starter, up to {@code target} (inclusive); {@code 0} leaves the database untouched. */
    Duration plainFlyway(TestDatabase database, int target) {
        long start = System.nanoTime();
        if (target > 0) {
            Flyway.configure()
                .dataSource(database.jdbcUrl(), database.user(), database.password())
                .locations(location())
                .target(String.valueOf(target))
                .load()
                .migrate();
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    StarterRun start(TestDatabase database) {
        return StarterRun.on(database, location());
    }

    /** What plain Flyway builds from every migration on a fresh database. */
    synchronized DatabaseSnapshot reference() {
        if (reference == null) {
            try (TestDatabase database = TestDatabase.create()) {
                plainTime = plainFlyway(database, set.size());
                reference = DatabaseSnapshot.of(database);
            }
        }
        return reference;
    }

    Duration plainTime() {
        reference();
        return plainTime;
    }

    /** The objects migration {@code version} adds to what migrations {@code 1..version-1} built. */
    synchronized List<HandMadeObject> addedBy(int version) {
        if (catalogs == null) {
            // one database migrated one version at a time: n catalog reads instead of n full runs
            catalogs = new ArrayList<>();
            try (TestDatabase database = TestDatabase.create()) {
                catalogs.add(CatalogObjects.of(database));
                for (int target = 1; target <= set.size(); target++) {
                    plainFlyway(database, target);
                    catalogs.add(CatalogObjects.of(database));
                }
            }
        }
        return catalogs.get(version).addedSince(catalogs.get(version - 1));
    }
}
