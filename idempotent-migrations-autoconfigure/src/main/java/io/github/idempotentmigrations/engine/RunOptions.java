package io.github.idempotentmigrations.engine;

import java.util.List;

/**
 * What the engine knows about a run before it starts.
 *
 * @param adopting whether the run adopts a schema that exists without (complete) history, so data statements of
 * migrations with no schema change are assumed to have run already
 * @param upcomingStatements every statement of the pending migrations, in order; lets a guard see that an object
 * missing now is renamed or dropped later in the same run (empty when unknown)
 */
public record RunOptions(boolean adopting, List<String> upcomingStatements) {

    public RunOptions {
        upcomingStatements = List.copyOf(upcomingStatements);
    }

    public static RunOptions defaults() {
        return new RunOptions(false, List.of());
    }
}
