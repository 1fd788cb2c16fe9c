package io.github.idempotentmigrations.engine;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/** What a run has learned so far that later statements' decisions depend on. */
final class RunState {

    final EngineSettings settings;

    final boolean adopting;

    final Lookahead lookahead;

    private final Set<ObjectName> tablesCreatedByRun = new HashSet<>();

    private final Map<ObjectName, CreatedTable> createdTableModels = new HashMap<>();

    private final Set<EnsuredObject> ensured = new LinkedHashSet<>();

    /** Whether a schema statement of the current migration found its object already there. */
    private boolean migrationFoundSchemaPresent;

    RunState(EngineSettings settings, RunOptions options) {
        this.settings = settings;
        this.adopting = options.adopting();
        this.lookahead = new Lookahead(options.upcomingStatements());
    }

    /** Whether a schema statement of the current migration changed the schema. */
    private boolean migrationChangedSchema;

    void migrationStarted() {
        this.migrationFoundSchemaPresent = false;
        this.migrationChangedSchema = false;
    }

    void schemaChanged() {
        this.migrationChangedSchema = true;
    }

    boolean migrationChangedSchema() {
        return this.migrationChangedSchema;
    }

    void schemaFoundPresent() {
        this.migrationFoundSchemaPresent = true;
    }

    boolean migrationFoundSchemaPresent() {
        return this.migrationFoundSchemaPresent;
    }

    void tableCreated(ObjectName qualifiedTable) {
        this.tablesCreatedByRun.add(qualifiedTable);
    }

    /** Records a table this run created from a column list, whose names the run can then follow. */
    void tableCreated(ObjectName qualifiedTable, CreatedTable model) {
        tableCreated(qualifiedTable);
        this.createdTableModels.put(qualifiedTable, model);
    }

    /** The name model of a table this run created from a column list, or null. */
    CreatedTable createdTable(ObjectName qualifiedTable) {
        return this.createdTableModels.get(qualifiedTable);
    }

    boolean createdByRun(ObjectName qualifiedTable) {
        return this.tablesCreatedByRun.contains(qualifiedTable);
    }

    void ensure(EnsuredObject object) {
        this.ensured.add(object);
    }

    /**
     * Forgets an object a later statement dropped or renamed away; a null schema or table matches any. A table takes
     * its columns, constraints, indexes, triggers and policies with it.
     */
    void forget(EnsuredObject.Type type, String schema, String table, String name) {
        this.ensured.removeIf(o -> o.type() == type && o.name().equals(name)
                && (schema == null || schema.equals(o.schema())) && (table == null || table.equals(o.table())));
        if (type == EnsuredObject.Type.TABLE) {
            this.ensured.removeIf(o -> o.type() != EnsuredObject.Type.ENUM_VALUE && name.equals(o.table())
                    && (schema == null || schema.equals(o.schema())));
        }
    }

    List<EnsuredObject> ensured() {
        return List.copyOf(this.ensured);
    }
}
