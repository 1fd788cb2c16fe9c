package io.github.idempotentmigrations.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * Every migration run by plain Flyway, then the database damaged the way adoption states find it: no history, lost
 * history rows, objects missing, or a script edited after it ran. The starter must bring it back to what plain
 * Flyway builds on an empty database (the shadow replay answers these).
 */
final class MigratedThenDamaged implements StartingState {

    /** One kind of damage; returns what it did, and what a person who knows it tells the starter. */
    @FunctionalInterface
    interface Damage {
        Reached apply(Scenario scenario, TestDatabase database, Random random);
    }

    private final Damage damage;

    MigratedThenDamaged(Damage damage) {
        this.damage = damage;
    }

    @Override
    public Reached reach(Scenario scenario, TestDatabase database, Random random) {
        scenario.migrations().plainOn(database).load().migrate();
        Reached damaged = this.damage.apply(scenario, database, random);
        return new Reached("plain Flyway migrated everything, then " + damaged.description(), damaged.properties());
    }

    static Reached dropHistory(Scenario scenario, TestDatabase database, Random random) {
        database.execute("DROP TABLE " + scenario.migrations().historyTable().sql());
        return Reached.by("the history table was dropped (a dump restored without it, or a schema another tool built)");
    }

    static Reached loseHistoryRows(Scenario scenario, TestDatabase database, Random random) {
        String history = scenario.migrations().historyTable().sql();
        List<String> ranks = versionedHistory(database, history, "installed_rank", "");
        List<String> versions = versionedHistory(database, history, "version", "");
        int lost = 1 + random.nextInt(ranks.size());
        database.execute("DELETE FROM " + history + " WHERE installed_rank >= " + ranks.get(ranks.size() - lost));
        String lostVersions = String.join(",", versions.subList(versions.size() - lost, versions.size()));
        // The history is a fact: only the person who restored it can say those migrations ran here.
        return new Reached("the last " + lost + " history row(s) were deleted (an older copy of the history restored"
                + " beside a newer schema), and the person who knows says so: assume-applied=" + lostVersions,
                Map.of("idempotent-migrations.repair.assume-applied", lostVersions));
    }

    static Reached editScript(Scenario scenario, TestDatabase database, Random random) {
        String history = scenario.migrations().historyTable().sql();
        List<String> versions = versionedHistory(database, history, "version", " AND checksum IS NOT NULL");
        String version = versions.get(random.nextInt(versions.size()));
        database.execute("UPDATE " + history + " SET checksum = checksum + 1 WHERE version = '"
                + version.replace("'", "''") + "'");
        return Reached.by("migration " + version + " was edited after it ran: its recorded checksum no longer matches"
                + " the script (an edit that leaves the schema as it is, such as a comment)");
    }

    /** One column of the versioned history rows (with {@code condition}), in installed order; never empty. */
    private static List<String> versionedHistory(TestDatabase database, String history, String column,
            String condition) {
        List<String> values = Sql.column(database, "SELECT " + column + " FROM " + history
                + " WHERE version IS NOT NULL" + condition + " ORDER BY installed_rank");
        if (values.isEmpty()) {
            throw new IllegalStateException("The history holds no versioned migration" + (condition.isEmpty() ? ""
                    : " of a SQL script") + " to damage");
        }
        return values;
    }

    /** For a column ({@code schema.table#attnum}): whether its table holds no row. */
    private static boolean tableIsEmpty(TestDatabase database, SchemaObject column) {
        String table = column.identity().substring(0, column.identity().lastIndexOf('#'));
        return "t".equals(Sql.column(database, "SELECT NOT EXISTS (SELECT 1 FROM " + table + ")").get(0));
    }

    static Reached dropHistoryAndObjects(Scenario scenario, TestDatabase database, Random random) {
        String dropped = dropHistory(scenario, database, random).description();
        List<SchemaObject> objects = SchemaObjects.of(database, scenario.migrations().historyTable())
            .stream()
            .filter(object -> object.dropDdl() != null)
            // a column of a table that holds rows takes its values with it, which nothing can restore (a NOT NULL
            // one cannot even come back without inventing values): only objects adoption can restore are dropped
            .filter(object -> !"column".equals(object.kind()) || tableIsEmpty(database, object))
            .toList();
        List<SchemaObject> chosen = new ArrayList<>();
        for (SchemaObject object : objects) {
            if (random.nextInt(3) == 0) {
                chosen.add(object);
            }
        }
        if (chosen.isEmpty() && !objects.isEmpty()) {
            chosen.add(objects.get(random.nextInt(objects.size())));
        }
        StringBuilder text = new StringBuilder(dropped).append("; then objects were dropped (CASCADE):");
        // dependents first, so that what a CASCADE removes is named by its own statement where it was chosen
        for (int i = chosen.size() - 1; i >= 0; i--) {
            text.append("\n    ").append(chosen.get(i).dropDdl());
            database.execute(chosen.get(i).dropDdl());
        }
        return Reached.by(text.toString());
    }
}
