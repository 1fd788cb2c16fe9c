package io.github.idempotentmigrations.engine.verify;

import java.util.List;

/**
 * What {@link SchemaVerifier} found.
 *
 * @param checked how many objects were looked up
 * @param drift the objects that are missing or invalid, in the order they were given
 */
public record VerificationResult(int checked, List<Drift> drift) {

    public VerificationResult {
        drift = List.copyOf(drift);
    }

    /** Whether every object was found and valid. */
    public boolean passed() {
        return drift.isEmpty();
    }
}
