package io.github.idempotentmigrations.engine;

import java.util.Objects;

/**
 * Policies the engine applies to every statement of a run.
 *
 * @param onConflict what to do when an object exists but differs
 * @param lockWaits how a migration whose lock wait timed out is tried again
 */
public record EngineSettings(ConflictPolicy onConflict, LockWaits lockWaits) {

	public EngineSettings {
		Objects.requireNonNull(onConflict, "onConflict");
		Objects.requireNonNull(lockWaits, "lockWaits");
	}

	public EngineSettings(ConflictPolicy onConflict) {
		this(onConflict, LockWaits.none());
	}

	/** The safe default: conflicts fail; a timed-out lock wait is not retried. */
	public static EngineSettings defaults() {
		return new EngineSettings(ConflictPolicy.FAIL);
	}
}
