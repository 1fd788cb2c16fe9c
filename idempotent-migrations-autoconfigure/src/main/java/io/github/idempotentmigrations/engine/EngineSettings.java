package io.github.idempotentmigrations.engine;

import java.util.Objects;

/**
 * Policies the engine applies to every statement of a run.
 *
 * @param onConflict what to do when an object exists but differs
 * @param dataStatements what to do with data statements of migrations whose schema was already present
 */
public record EngineSettings(ConflictPolicy onConflict, DataStatementPolicy dataStatements) {

    public EngineSettings {
        Objects.requireNonNull(onConflict, "onConflict");
        Objects.requireNonNull(dataStatements, "dataStatements");
    }

    /** The safe defaults: conflicts fail, data statements are skipped where their migration already ran. */
    public static EngineSettings defaults() {
        return new EngineSettings(ConflictPolicy.FAIL, DataStatementPolicy.SKIP_WHEN_SCHEMA_PRESENT);
    }
}
