package io.github.idempotentmigrations.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Plain Flyway up to the migration before a seeded cut point (never the first migration: the history must exist
 * for a migration to be pending); then about half of what the cut point's migration adds
 * (never nothing, when it adds anything) is created by hand, with PostgreSQL's own definitions read from a scratch
 * database migrated through the cut point.
 */
final class HandMadeObjectsState implements StartingState {

    @Override
    public Reached reach(Scenario scenario, TestDatabase database, Random random) {
        List<MigrationVersion> versions = scenario.versions();
        if (versions.size() < 2) {
            throw new IllegalStateException("This state needs two versioned migrations: with the first one pending"
                    + " there is no history yet, and objects made by hand then are NO_HISTORY_OBJECTS_MISSING");
        }
        int cut = 1 + random.nextInt(versions.size() - 1);
        MigrationVersion previous = versions.get(cut - 1);
        scenario.plainUpTo(database, previous);
        HistoryTable history = scenario.migrations().historyTable();
        List<SchemaObject> added;
        try (TestDatabase scratch = TestDatabase.create()) {
            scenario.plainUpTo(scratch, versions.get(cut));
            added = SchemaObjects.added(SchemaObjects.of(database, history), SchemaObjects.of(scratch, history));
        }
        StringBuilder text = new StringBuilder("plain Flyway migrated up to ").append(previous).append("; migration ").append(versions.get(cut)).append(" adds ").append(added.size())
            .append(" object(s)");
        for (SchemaObject object : choose(added, random)) {
            text.append("\n    by hand: ").append(object.ddl().strip());
            try {
                database.execute(object.ddl());
            }
            catch (IllegalStateException ex) {
                // an object whose dependency was not chosen (an index on a table left to the migration): the state is
                // still a valid partly hand-made one
                text.append("\n      (not created: ").append(ex.getMessage()).append(')');
            }
        }
        return Reached.by(text.toString());
    }

    /** Each object with even odds, in creation order; at least one when there is any. */
    private static List<SchemaObject> choose(List<SchemaObject> objects, Random random) {
        List<SchemaObject> chosen = new ArrayList<>();
        for (SchemaObject object : objects) {
            if (random.nextBoolean()) {
                chosen.add(object);
            }
        }
        if (chosen.isEmpty() && !objects.isEmpty()) {
            chosen.add(objects.get(random.nextInt(objects.size())));
        }
        return chosen;
    }
}
