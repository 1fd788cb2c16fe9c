package io.github.idempotentmigrations.engine;

/**
 * What the engine knows about a run before it starts.
 *
 * @param adopting whether the run replays migrations over a schema that exists without history, so data statements
 * are taken as already run (evidence-based skipping of data belongs to adoption only)
 */
public record RunOptions(boolean adopting) {

    public static RunOptions defaults() {
        return new RunOptions(false);
    }
}
