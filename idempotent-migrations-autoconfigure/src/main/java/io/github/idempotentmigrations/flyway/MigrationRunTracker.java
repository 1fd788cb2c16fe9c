package io.github.idempotentmigrations.flyway;

import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.engine.EngineRun;
import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import org.jspecify.annotations.Nullable;

/**
 * Hands the engine run of the migrate call in progress to the statement callback: every
 * {@code migrate()}, the startup strategy's or an application's own, gets a fresh run.
 */
public final class MigrationRunTracker {

	/**
	 * The run of the migrate call in progress on this thread: Flyway runs Java migrations
	 * on its own thread.
	 */
	private static final ThreadLocal<EngineRun> ACTIVE = new ThreadLocal<>();

	private final EngineSettings settings;

	private @Nullable EngineRun current;

	private List<MigrationResult> lastResults = List.of();

	public MigrationRunTracker(EngineSettings settings) {
		this.settings = settings;
	}

	synchronized EngineRun begin() {
		this.current = new EngineRun(this.settings);
		ACTIVE.set(this.current);
		return this.current;
	}

	/** The run in progress; starts one when Flyway skipped the BEFORE_MIGRATE event. */
	synchronized EngineRun current() {
		return (this.current != null) ? this.current : begin();
	}

	synchronized void finish() {
		ACTIVE.remove();
		if (this.current != null) {
			this.lastResults = this.current.results();
			this.current = null;
		}
	}

	/**
	 * The engine run of the {@code migrate()} in progress on the calling thread, so Java
	 * migrations can record their statements in the same report; empty outside a migrate
	 * run of the starter.
	 */
	public static Optional<EngineRun> activeRun() {
		return Optional.ofNullable(ACTIVE.get());
	}

	/** Results of the last finished run, or of the run in progress if one is. */
	public synchronized List<MigrationResult> lastResults() {
		return (this.current != null) ? this.current.results() : this.lastResults;
	}

}
