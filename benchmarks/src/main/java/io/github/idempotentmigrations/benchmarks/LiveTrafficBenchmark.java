package io.github.idempotentmigrations.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.idempotentmigrations.autoconfigure.StarterFlywayCustomizer;
import io.github.idempotentmigrations.engine.ConflictPolicy;
import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.LockWaits;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.StartupMode;
import io.github.idempotentmigrations.flyway.ChecksumMismatchPolicy;
import io.github.idempotentmigrations.flyway.ConnectSettings;
import io.github.idempotentmigrations.flyway.DriftPolicy;
import io.github.idempotentmigrations.flyway.FailedMigrationPolicy;
import io.github.idempotentmigrations.flyway.IdempotentMigrationStrategy;
import io.github.idempotentmigrations.flyway.IdempotentStatementCallback;
import io.github.idempotentmigrations.flyway.InvalidIndexPolicy;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.flyway.MigrationRunTracker;
import io.github.idempotentmigrations.flyway.MissingMigrationPolicy;
import io.github.idempotentmigrations.flyway.PersonsWord;
import io.github.idempotentmigrations.flyway.RepairSettings;
import io.github.idempotentmigrations.flyway.ShadowSettings;
import io.github.idempotentmigrations.flyway.StartupSettings;
import io.github.idempotentmigrations.flyway.UnhistoriedSchemaPolicy;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * A migration under live traffic. A table of rows is read and written by client threads
 * at a fixed rate; a second session holds a lock on it in an open transaction; a
 * migration adds a column to it. Plain Flyway's {@code ALTER TABLE} waits for the whole
 * hold, and every client query waits behind it in PostgreSQL's lock queue; the starter's
 * waits at most one {@code lock_timeout}, goes back to the migration's savepoint and
 * tries again after a pause. Reports the clients' longest and p99 query times and the
 * migration's total time, per variant.
 *
 * <p>
 * Options: {@code -Dbench.clients=8 -Dbench.rate=50} (queries a second per client),
 * {@code -Dbench.hold=10s}, {@code -Dbench.lockTimeouts=1000,500,200} (milliseconds; 1000
 * is the default), {@code -Dbench.reps=1}, {@code -Dbench.lockMode=ACCESS SHARE}. See
 * BENCHMARKS.md.
 */
public final class LiveTrafficBenchmark {

	private static final String TABLE = "accounts";

	private static final int ROWS = 10_000;

	/**
	 * When the lock is taken, after the traffic starts; when the migration starts, after
	 * the lock is taken.
	 */
	private static final long TRAFFIC_BEFORE_LOCK_MS = 1_000;

	private static final long LOCK_BEFORE_MIGRATION_MS = 200;

	private static final long TRAFFIC_AFTER_MS = 1_000;

	private LiveTrafficBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int clients = Integer.getInteger("bench.clients", 8);
		int rate = Integer.getInteger("bench.rate", 50);
		long holdMillis = Duration.parse("PT" + System.getProperty("bench.hold", "10s").toUpperCase(Locale.ROOT))
			.toMillis();
		int reps = Integer.getInteger("bench.reps", 1);
		String lockMode = System.getProperty("bench.lockMode", "ACCESS SHARE");
		List<Variant> variants = new ArrayList<>();
		variants.add(new Variant(null));
		Arrays.stream(System.getProperty("bench.lockTimeouts", "1000,500,200").split(","))
			.map(String::trim)
			.forEach((ms) -> variants.add(new Variant(Duration.ofMillis(Long.parseLong(ms)))));

		Path root = Files.createTempDirectory("im-live-");
		Path createOnly = write(root.resolve("v1"), false);
		Path withAlter = write(root.resolve("v2"), true);
		System.out.printf(Locale.ROOT,
				"idempotent-migrations live-traffic benchmark: %d clients x %d queries/s on %d"
						+ " rows (read, update alternating), a session holds %s on the table for %d ms, the migration"
						+ " runs %d ms after it took the lock; starter lock retries 10, backoff 500ms; %d processors%n",
				clients, rate, ROWS, lockMode, holdMillis, LOCK_BEFORE_MIGRATION_MS,
				Runtime.getRuntime().availableProcessors());
		System.out.printf(Locale.ROOT, "%-30s %7s %6s %9s %9s %9s %7s %9s %9s %11s %9s %7s%n", "variant", "queries",
				"errors", "p50", "p99", "max", ">100ms", "blocked", "max late", "migration", "held", "retries");
		List<Outcome> outcomes = new ArrayList<>();
		for (int rep = 0; rep < reps; rep++) {
			List<Variant> order = new ArrayList<>(variants);
			if (rep % 2 == 1) {
				Collections.reverse(order);
			}
			for (Variant variant : order) {
				Outcome outcome = run(variant, createOnly, withAlter, clients, rate, holdMillis, lockMode);
				outcomes.add(outcome);
				print(outcome);
			}
		}
		System.out.printf(Locale.ROOT, "%ntarget: with the starter no client query waits longer than one lock-timeout"
				+ " attempt + 100 ms%n");
		for (Outcome outcome : outcomes) {
			if (outcome.variant.lockTimeout != null) {
				long limit = outcome.variant.lockTimeout.toNanos() + 100_000_000L;
				System.out.printf(Locale.ROOT, "  %-30s max %s, limit %s: %s%n", outcome.variant.label(),
						ms(outcome.clients.maxNanos()), ms(limit),
						(outcome.failure != null) ? "INVALID (migration failed)"
								: (outcome.clients.maxNanos() <= limit) ? "MET" : "NOT MET");
			}
		}
	}

	private static Outcome run(Variant variant, Path createOnly, Path withAlter, int clients, int rate, long holdMillis,
			String lockMode) throws Exception {
		try (TestDatabase database = TestDatabase.create()) {
			DataSource dataSource = database.dataSource();
			migrate(variant, dataSource, createOnly, starter());
			Supplier<Connection> connections = () -> {
				try {
					return database.connect();
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
			};
			int maxSeconds = (int) ((TRAFFIC_BEFORE_LOCK_MS + holdMillis) / 1000) + 60;
			ClientLoad load = new ClientLoad(connections, TABLE, ROWS, clients, rate, maxSeconds);
			load.start();
			Thread.sleep(TRAFFIC_BEFORE_LOCK_MS);
			LockHolder holder = new LockHolder(connections.get(), TABLE, lockMode, holdMillis);
			long lockTaken = System.nanoTime();
			holder.take();
			Thread.sleep(LOCK_BEFORE_MIGRATION_MS);
			Starter starter = starter();
			long start = System.nanoTime();
			String failure = null;
			try {
				migrate(variant, dataSource, withAlter, starter);
			}
			catch (RuntimeException ex) {
				failure = String.valueOf(ex.getMessage()).lines().findFirst().orElse("");
			}
			long migrationNanos = System.nanoTime() - start;
			long released = holder.awaitRelease();
			Thread.sleep(TRAFFIC_AFTER_MS);
			ClientLoad.Figures figures = load.stop();
			int retries = starter.runs().lastResults().stream().mapToInt(MigrationResult::lockRetries).sum();
			return new Outcome(variant, figures, migrationNanos, released - lockTaken, retries, failure);
		}
	}

	/** connect.lock-retries=10, connect.lock-retry-backoff=500ms (the defaults). */
	private static Starter starter() {
		EngineSettings engineSettings = new EngineSettings(ConflictPolicy.FAIL,
				new LockWaits(10, Duration.ofMillis(500)));
		return new Starter(engineSettings, new MigrationRunTracker(engineSettings));
	}

	/**
	 * Migrates with plain Flyway, or with the starter as Boot would run it (its report in
	 * {@code starter}).
	 */
	private static void migrate(Variant variant, DataSource dataSource, Path location, Starter starter) {
		FluentConfiguration configuration = Flyway.configure()
			.dataSource(dataSource)
			.locations("filesystem:" + location.toAbsolutePath());
		if (variant.lockTimeout == null) {
			configuration.getPluginRegister()
				.getExact(PostgreSQLConfigurationExtension.class)
				.setTransactionalLock(true);
			configuration.load().migrate();
			return;
		}
		StartupSettings settings = settings(variant.lockTimeout);
		StarterFlywayCustomizer.customize(configuration, new IdempotentStatementCallback(starter.runs()), settings);
		new IdempotentMigrationStrategy(settings, starter.engineSettings(), starter.runs(), new MigrationReportStore())
			.migrate(configuration.load());
	}

	private static StartupSettings settings(Duration lockTimeout) {
		return new StartupSettings(StartupMode.MIGRATE,
				new RepairSettings(UnhistoriedSchemaPolicy.REPAIR, FailedMigrationPolicy.REPAIR,
						InvalidIndexPolicy.WARN, ChecksumMismatchPolicy.FAIL, MissingMigrationPolicy.WARN,
						DriftPolicy.WARN),
				new ConnectSettings(Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(5), lockTimeout),
				ShadowSettings.temporary(), PersonsWord.none());
	}

	private static Path write(Path directory, boolean withAlter) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("V1__accounts.sql"),
				"CREATE TABLE " + TABLE + " (id integer PRIMARY KEY, v integer NOT NULL);\n" + "INSERT INTO " + TABLE
						+ " SELECT g, 0 FROM generate_series(1, " + ROWS + ") g;\n");
		if (withAlter) {
			Files.writeString(directory.resolve("V2__accounts_note.sql"),
					"ALTER TABLE " + TABLE + " ADD COLUMN note text;\n");
		}
		return directory;
	}

	private static void print(Outcome o) {
		ClientLoad.Figures f = o.clients;
		System.out.printf(Locale.ROOT, "%-30s %7d %6d %9s %9s %9s %7d %9s %9s %11s %9s %7d%s%n", o.variant.label(),
				f.queries(), f.errors(), ms(f.p50Nanos()), ms(f.p99Nanos()), ms(f.maxNanos()), f.over100ms(),
				String.format(Locale.ROOT, "%.1f s", f.blockedNanos() / 1e9), ms(f.maxLateNanos()),
				ms(o.migrationNanos), ms(o.lockHeldNanos), o.lockRetries,
				(o.failure != null) ? "  FAILED: " + o.failure : "");
	}

	private static String ms(long nanos) {
		return String.format(Locale.ROOT, "%.0f ms", nanos / 1_000_000.0);
	}

	/**
	 * One variant: plain Flyway when lockTimeout is null, else the starter with that lock
	 * timeout.
	 */
	record Variant(Duration lockTimeout) {

		String label() {
			return (this.lockTimeout != null) ? "starter, lock-timeout " + this.lockTimeout.toMillis() + "ms"
					: "plain Flyway";
		}
	}

	record Outcome(Variant variant, ClientLoad.Figures clients, long migrationNanos, long lockHeldNanos,
			int lockRetries, String failure) {
	}

	/**
	 * The engine's settings and its run tracker, with the starter's defaults besides the
	 * lock timeout.
	 */
	private record Starter(EngineSettings engineSettings, MigrationRunTracker runs) {
	}

}
