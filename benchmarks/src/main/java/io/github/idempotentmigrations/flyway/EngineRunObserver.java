package io.github.idempotentmigrations.flyway;

import java.util.function.IntConsumer;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Benchmark-only: reads {@code EngineRun.catalogQueries()} of the run in progress just
 * before the engine's own callback finishes it (registered ahead of
 * {@link IdempotentStatementCallback}). Lives in this package because
 * {@link MigrationRunTracker#current()} is package-private.
 */
public final class EngineRunObserver implements Callback {

	private final MigrationRunTracker runs;

	private final IntConsumer catalogQueries;

	public EngineRunObserver(MigrationRunTracker runs, IntConsumer catalogQueries) {
		this.runs = runs;
		this.catalogQueries = catalogQueries;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		this.catalogQueries.accept(this.runs.current().catalogQueries());
	}

	@Override
	public String getCallbackName() {
		return "benchmark-engine-run-observer";
	}

}
