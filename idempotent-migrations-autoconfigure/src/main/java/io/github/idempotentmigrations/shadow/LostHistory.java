package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a schema whose history stops at some version already holds what the migrations after it build: its
 * history lost rows (a restored dump, rows deleted by hand) rather than the migrations never having run. Built from
 * a shadow migrated in two steps, to the history's version and then to the full target.
 *
 * @param diff the schema the migrations build up to the full target against the one found
 * @param aheadBy objects found that only the migrations after the history's version build
 * @param rowsNotThere tables found that lack rows the migrations after the history's version put into them
 * @param stillThere objects found that the migrations after the history's version drop or rename away: they have
 * not run here, whatever else a hand may have made ahead of them
 */
public record LostHistory(SchemaDiff diff, List<SchemaObject> aheadBy, List<String> rowsNotThere,
        List<SchemaObject> stillThere) {

    /**
     * Kinds a schema cannot lack when those migrations ran, even after hand-made fixes: the foundations everything
     * else is built in or with. Any other missing object (index, constraint, column, view, routine, trigger, even a
     * table nothing found depends on) is created from the shadow's definition, a table with the shadow's rows.
     */
    private static final Set<ObjectKind> FOUNDATIONS = EnumSet.of(ObjectKind.SCHEMA, ObjectKind.EXTENSION,
            ObjectKind.TYPE);

    /** The shadow as the history's version left it, read before it is migrated further. */
    public record AtHistory(SchemaSnapshot schema, Map<String, Long> rows) {

        public static AtHistory read(Connection shadow) throws SQLException {
            SchemaSnapshot schema = SchemaSnapshot.read(shadow);
            return new AtHistory(schema, RowCounts.of(shadow, schema));
        }
    }

    /**
     * @param atHistory the shadow at the history's version
     * @param shadow the shadow, migrated to the full target
     * @param target the application's database
     * @param historySchema the schema of the history table, whose rows are what was lost
     * @param historyTable the history table's name
     */
    public static LostHistory judge(AtHistory atHistory, Connection shadow, Connection target, String historySchema,
            String historyTable) throws SQLException {
        SchemaSnapshot expected = SchemaSnapshot.read(shadow);
        SchemaSnapshot found = SchemaSnapshot.read(target);
        List<SchemaObject> aheadBy = expected.objects()
            .stream()
            .filter(object -> !object.kind().bookkeeping() && atHistory.schema().find(object).isEmpty())
            .filter(object -> found.find(object).isPresent())
            .toList();
        List<SchemaObject> stillThere = atHistory.schema()
            .objects()
            .stream()
            .filter(object -> !object.kind().bookkeeping() && expected.find(object).isEmpty())
            .filter(object -> found.find(object).isPresent())
            .toList();
        Map<String, Long> rows = RowCounts.of(shadow, expected);
        rows.remove(SnapshotQueries.relationName(target, historySchema, historyTable));
        return new LostHistory(SchemaDiff.between(expected, found), aheadBy,
                rowsNotThere(atHistory, rows, found, target), stillThere);
    }

    /**
     * Tables found with fewer rows than the migrations leave in them where those after the history's version added
     * some: their data statements have not run here (an {@code UPDATE} leaves no count behind: not detected).
     */
    private static List<String> rowsNotThere(AtHistory atHistory, Map<String, Long> expected, SchemaSnapshot found,
            Connection target) throws SQLException {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Long> table : expected.entrySet()) {
            long before = atHistory.rows().getOrDefault(table.getKey(), 0L);
            if (table.getValue() > before && found.containsTable(table.getKey())
                    && RowCounts.atMost(target, table.getKey(), table.getValue()) < table.getValue()) {
                missing.add(table.getKey());
            }
        }
        return missing;
    }

    /**
     * Whether the migrations after the history's version are to be taken as applied: nothing they drop or rename
     * away is still there, nothing found differs from what they build or is extra to it (an object a pending
     * migration creates and a later one drops, made by hand, says they have not run), no foundation is missing, the
     * rows they add are there, and something only they build is already there.
     */
    public boolean lost() {
        return !this.aheadBy.isEmpty() && this.stillThere.isEmpty() && this.diff.different().isEmpty()
                && this.diff.extra().isEmpty() && this.rowsNotThere.isEmpty() && this.diff.missing().stream().noneMatch(object -> FOUNDATIONS.contains(object.kind()));
    }

    /** For people: why the history was or was not taken as lost. */
    public String explain() {
        if (this.aheadBy.isEmpty()) {
            return "the schema holds nothing that only the pending migrations build";
        }
        if (!this.stillThere.isEmpty()) {
            return this.stillThere.get(0).describe() + " is still there, and the pending migrations drop or rename it";
        }
        if (!this.diff.different().isEmpty()) {
            return this.diff.different().get(0).describe();
        }
        if (!this.diff.extra().isEmpty()) {
            return this.diff.extra().get(0).describe() + " is there, and the migrations do not leave it: they have not"
                    + " all run here";
        }
        if (!this.rowsNotThere.isEmpty()) {
            return "table " + this.rowsNotThere.get(0) + " lacks rows the pending migrations put into it";
        }
        return this.diff.missing()
            .stream()
            .filter(object -> FOUNDATIONS.contains(object.kind()))
            .findFirst()
            .map(object -> object.describe() + " is missing: the migrations that build it have not run here")
            .orElse("the schema already holds " + this.aheadBy.get(0).describe()
                    + ", which only the pending migrations build");
    }
}
