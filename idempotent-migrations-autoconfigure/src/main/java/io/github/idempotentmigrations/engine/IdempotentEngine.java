package io.github.idempotentmigrations.engine;

/**
 * Entry point of the engine: makes each migration statement idempotent. One {@link EngineRun} per migrate run.
 */
public final class IdempotentEngine {

    private final EngineSettings settings;

    public IdempotentEngine(EngineSettings settings) {
        this.settings = settings;
    }

    public EngineSettings settings() {
        return this.settings;
    }

    public EngineRun startRun() {
        return new EngineRun(this.settings);
    }
}
