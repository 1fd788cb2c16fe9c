package io.github.idempotentmigrations.tenants;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.flyway.IdempotentMigrationStrategy;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.flyway.MigrationRunTracker;
import io.github.idempotentmigrations.flyway.StartupSettings;
import io.github.idempotentmigrations.tenants.SteadyTenants.TenantFacts;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;

/**
 * Runs every tenant schema through the starter's strategy, exactly as one schema is run,
 * a bounded number at once. A tenant that fails does not stop the others: its failure is
 * kept in its run. Several instances starting together share the work through the
 * strategy's advisory lock per history table: one migrates a tenant, the others wait for
 * it and then find nothing pending.
 */
public final class TenantMigrations {

	private final StartupSettings settings;

	private final EngineSettings engineSettings;

	private final TenantFlyway flyways;

	private final int parallelism;

	public TenantMigrations(StartupSettings settings, EngineSettings engineSettings, TenantFlyway flyways,
			int parallelism) {
		this.settings = settings;
		this.engineSettings = engineSettings;
		this.flyways = flyways;
		this.parallelism = Math.max(1, parallelism);
	}

	public MigratedTenants migrate(List<String> schemas) {
		long start = System.nanoTime();
		TenantProgress progress = new TenantProgress(schemas.size());
		SteadyTenants steady = SteadyTenants.of(this.settings, this.flyways.shared(), schemas);
		AtomicInteger threads = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(this.parallelism,
				(task) -> new Thread(task, "tenant-migrations-" + threads.incrementAndGet()));
		try {
			List<Future<TenantRun>> futures = new ArrayList<>();
			for (String schema : schemas) {
				futures.add(pool.submit(() -> run(schema, steady, progress)));
			}
			List<TenantRun> runs = new ArrayList<>();
			for (Future<TenantRun> future : futures) {
				runs.add(join(future));
			}
			return new MigratedTenants(runs, this.parallelism, Duration.ofNanos(System.nanoTime() - start));
		}
		finally {
			// Tenants not started yet never start, and one waiting for a lock stops
			// waiting; startup ends after the last one, so that none outlives a failed
			// startup (and the pool it closes).
			pool.shutdownNow();
			awaitTermination(pool);
		}
	}

	private static void awaitTermination(ExecutorService pool) {
		try {
			while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
				// a tenant still migrating: its statements end with their lock timeouts
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private TenantRun run(String schema, SteadyTenants steady, TenantProgress progress) {
		Instant startedAt = Instant.now();
		MigrationRunTracker runs = new MigrationRunTracker(this.engineSettings);
		MigrationReportStore reports = new MigrationReportStore();
		Supplier<Flyway> flyway = once(() -> this.flyways.create(schema, runs));
		Optional<TenantFacts> facts = steady.facts(schema);
		Optional<MigrationReport> steadyReport = steady.steadyReport(facts.orElse(null), startedAt);
		if (steadyReport.isPresent()) {
			reports.publish(steadyReport.get());
			TenantRun run = new TenantRun(schema, flyway, reports, null, true);
			progress.finished(run);
			return run;
		}
		Thread thread = Thread.currentThread();
		String name = thread.getName();
		// The report's log lines do not name the schema; the thread does, in every
		// default log pattern.
		thread.setName("tenant-" + schema);
		RuntimeException failure = null;
		try {
			new IdempotentMigrationStrategy(this.settings, this.engineSettings, runs, reports)
				.migrate(this.flyways.configure(schema, runs));
		}
		catch (RuntimeException ex) {
			// An Error stops startup instead, as without tenants: Flyway rolls back on an
			// exception only, and commits what ran before an Error.
			failure = ex;
		}
		finally {
			thread.setName(name);
		}
		TenantRun run = new TenantRun(schema, flyway, reports, failure, false);
		steady.ranFully(run, facts.orElse(null));
		progress.finished(run);
		return run;
	}

	/**
	 * Builds the tenant's Flyway the first time it is asked for: building one copies the
	 * whole Flyway configuration, and a live check may never ask.
	 */
	private static Supplier<Flyway> once(Supplier<Flyway> build) {
		AtomicReference<@Nullable Flyway> built = new AtomicReference<>();
		return () -> {
			Flyway flyway = built.get();
			if (flyway == null) {
				built.compareAndSet(null, build.get());
				flyway = built.get();
			}
			return flyway;
		};
	}

	private static TenantRun join(Future<TenantRun> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while tenant schemas were migrating", ex);
		}
		catch (ExecutionException ex) {
			// Not a tenant's failure (those are kept in its run): the tenants' Flyway
			// could not even be configured, or the application's code threw an Error.
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime
					: new IllegalStateException(ex.getCause());
		}
	}

}
