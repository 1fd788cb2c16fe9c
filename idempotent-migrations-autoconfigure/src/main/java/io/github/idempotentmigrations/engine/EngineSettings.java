package io.github.idempotentmigrations.engine;

import java.util.Objects;

/**
 * Policies the engine applies to every statement of a run.
 *
 * @param onConflict what to do when an object exists but differs
 */
public record EngineSettings(ConflictPolicy onConflict) {

    public EngineSettings {
        Objects.requireNonNull(onConflict, "onConflict");
    }

    /** The safe default: conflicts fail. */
    public static EngineSettings defaults() {
        return new EngineSettings(ConflictPolicy.FAIL);
    }
}
