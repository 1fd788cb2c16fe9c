package io.github.idempotentmigrations.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.report.StartupMode;
import io.github.idempotentmigrations.flyway.ChecksumMismatchPolicy;
import io.github.idempotentmigrations.flyway.ConnectSettings;
import io.github.idempotentmigrations.flyway.DriftPolicy;
import io.github.idempotentmigrations.flyway.FailedMigrationPolicy;
import io.github.idempotentmigrations.flyway.IdempotentStatementCallback;
import io.github.idempotentmigrations.flyway.InvalidIndexPolicy;
import io.github.idempotentmigrations.flyway.MigrationRunTracker;
import io.github.idempotentmigrations.flyway.MissingMigrationPolicy;
import io.github.idempotentmigrations.flyway.PersonsWord;
import io.github.idempotentmigrations.flyway.RepairSettings;
import io.github.idempotentmigrations.flyway.ShadowSettings;
import io.github.idempotentmigrations.flyway.StartupSettings;
import io.github.idempotentmigrations.flyway.UnhistoriedSchemaPolicy;
import io.github.idempotentmigrations.tenants.MigratedTenants;
import io.github.idempotentmigrations.tenants.TenantFlyway;
import io.github.idempotentmigrations.tenants.TenantMigrations;
import io.github.idempotentmigrations.tenants.TenantParallelism;
import io.github.idempotentmigrations.testsupport.OpenConnections;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/**
 * N tenant schemas x M migrations: the starter's tenant runner (bounded parallelism, each
 * tenant through the whole strategy) against the loop every team writes, plain Flyway
 * over the schemas one after another; from empty ({@code -Dbench.pairs}, default 1: each
 * pair plain then starter, each on a fresh database of the same embedded server; every
 * pair's ratio and their median are printed), then restarts of the last pair with nothing
 * pending ({@code -Dbench.restarts}, default 3, interleaved; the median of each).
 */
public final class TenantBenchmark {

	private static final StartupSettings SETTINGS = new StartupSettings(StartupMode.MIGRATE,
			new RepairSettings(UnhistoriedSchemaPolicy.REPAIR, FailedMigrationPolicy.REPAIR, InvalidIndexPolicy.WARN,
					ChecksumMismatchPolicy.FAIL, MissingMigrationPolicy.WARN, DriftPolicy.WARN),
			new ConnectSettings(Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(5),
					Duration.ofSeconds(60)),
			ShadowSettings.temporary(), PersonsWord.none());

	/** Room for the starter's parallelism and a live check beside it. */
	private static final int POOL_SIZE = 4;

	private TenantBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int tenants = Integer.getInteger("bench.tenants", 1000);
		int migrations = Integer.getInteger("bench.tenant.migrations", 20);
		int restarts = Integer.getInteger("bench.restarts", 3);
		int parallelism = TenantParallelism.of(Runtime.getRuntime().availableProcessors(), OptionalInt.empty());
		Path dir = Files.createTempDirectory("im-tenant-bench-");
		MigrationSetGenerator.write(dir, migrations);
		String location = "filesystem:" + dir.toAbsolutePath();
		List<String> schemas = IntStream.range(0, tenants).mapToObj((i) -> "tenant_" + i).toList();
		System.out.printf(Locale.ROOT, "idempotent-migrations tenant benchmark: %d tenant schemas x %d migrations"
				+ " (%d statements each), %d processors, starter parallelism %d (default without a pool size)%n",
				tenants, migrations, migrations * MigrationSetGenerator.STATEMENTS_PER_MIGRATION,
				Runtime.getRuntime().availableProcessors(), parallelism);

		List<Sample[]> pairs = new ArrayList<>();
		for (int pair = 1; pair < Integer.getInteger("bench.pairs", 1); pair++) {
			pairs.add(fromEmpty(schemas, location, parallelism, (plain, starter) -> {
			}));
		}
		pairs.add(fromEmpty(schemas, location, parallelism, (plain, starter) -> {
			// Restarts are short and the machine's load changes: interleaved, the
			// median of each.
			List<Sample> plainRestarts = new ArrayList<>();
			List<Sample> starterRestarts = new ArrayList<>();
			for (int i = 0; i < restarts; i++) {
				plainRestarts.add(plain.get());
				starterRestarts.add(starter.get());
			}
			print("plain Flyway, sequential loop", "restart", median(plainRestarts), each(plainRestarts));
			print("starter, tenants", "restart", median(starterRestarts), each(starterRestarts));
			System.out.printf(Locale.ROOT, "ratio: restart %.2fx the loop (target <= 0.5)%n",
					(double) median(starterRestarts).nanos / median(plainRestarts).nanos);
		}));
		List<Sample[]> byRatio = pairs.stream().sorted(Comparator.comparingDouble(TenantBenchmark::ratio)).toList();
		Sample[] middle = byRatio.get(byRatio.size() / 2);
		System.out.printf(Locale.ROOT, "ratios from empty: %s; median %.2fx the loop (target <= 0.6)%n",
				pairs.stream()
					.map((pair) -> String.format(Locale.ROOT, "%.2fx", ratio(pair)))
					.collect(Collectors.joining(", ")),
				ratio(middle));
	}

	/**
	 * Both variants from empty, each on a fresh database; then {@code restarts} on them.
	 * @return the plain and the starter sample
	 */
	private static Sample[] fromEmpty(List<String> schemas, String location, int parallelism, Restarts restarts) {
		try (TestDatabase plainDatabase = TestDatabase.create();
				TestDatabase starterDatabase = TestDatabase.create();
				// A pool of the same size for both, as a Boot application migrates
				// through: a tenant's connection is a warm server process with the
				// driver's prepared statements, not a new one per tenant.
				HikariDataSource plainPool = plainDatabase.pool(POOL_SIZE);
				HikariDataSource starterPool = starterDatabase.pool(POOL_SIZE)) {
			OpenConnections connections = new OpenConnections();
			DataSource plainSource = connections.wrap(plainPool);
			DataSource starterSource = connections.wrap(starterPool);
			Supplier<MigratedTenants> loop = () -> {
				schemas.forEach((schema) -> plainFlyway(plainSource, location, schema).migrate());
				return null;
			};
			Supplier<MigratedTenants> starter = () -> tenantMigrations(starterSource, location, parallelism)
				.migrate(schemas);
			Sample plainFresh = measure(loop, connections);
			print("plain Flyway, sequential loop", "from empty", plainFresh, "");
			Sample starterFresh = measure(starter, connections);
			print("starter, tenants", "from empty", starterFresh,
					String.format(Locale.ROOT, "ratio %.2fx", (double) starterFresh.nanos / plainFresh.nanos));
			restarts.run(() -> measure(loop, connections), () -> measure(starter, connections));
			return new Sample[] { plainFresh, starterFresh };
		}
	}

	private static double ratio(Sample[] pair) {
		return (double) pair[1].nanos / pair[0].nanos;
	}

	private static Sample median(List<Sample> samples) {
		List<Sample> sorted = samples.stream().sorted(Comparator.comparingLong(Sample::nanos)).toList();
		return sorted.get(sorted.size() / 2);
	}

	private static Flyway plainFlyway(DataSource dataSource, String location, String schema) {
		FluentConfiguration configuration = Flyway.configure()
			.dataSource(dataSource)
			.locations(location)
			.schemas(schema);
		configuration.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(true);
		return configuration.load();
	}

	/**
	 * Boot's Flyway as the starter's customizer leaves it (less its lock_timeout
	 * callback, two statements per migrate run, which is internal to the Boot glue), then
	 * the tenant runner over it.
	 */
	private static TenantMigrations tenantMigrations(DataSource dataSource, String location, int parallelism) {
		EngineSettings engineSettings = EngineSettings.defaults();
		FluentConfiguration base = Flyway.configure()
			.dataSource(dataSource)
			.locations(location)
			.callbacks(new IdempotentStatementCallback(new MigrationRunTracker(engineSettings)))
			.ignoreMigrationPatterns("*:missing");
		base.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
		return new TenantMigrations(SETTINGS, engineSettings, new TenantFlyway(base, List.of()), parallelism);
	}

	private static Sample measure(Supplier<MigratedTenants> run, OpenConnections connections) {
		System.gc();
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter((pool) -> pool.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		connections.peakAndReset();
		long busyBefore = MachineCpu.busyNanos();
		long start = System.nanoTime();
		MigratedTenants result = run.get();
		long nanos = System.nanoTime() - start;
		long busyAfter = MachineCpu.busyNanos();
		double coresBusy = (busyBefore < 0 || busyAfter < 0) ? -1 : (double) (busyAfter - busyBefore) / nanos;
		long peakHeap = heap.stream().mapToLong((pool) -> pool.getPeakUsage().getUsed()).sum();
		String failures = (result != null) ? result.failed().size() + " failed" : "";
		return new Sample(nanos, connections.peakAndReset(), peakHeap, coresBusy, failures);
	}

	private static String each(List<Sample> restarts) {
		return restarts.stream()
			.map((sample) -> String.format(Locale.ROOT, "%.1f", sample.nanos / 1e9))
			.collect(Collectors.joining(", ", "(restarts: ", " s)"));
	}

	private static void print(String variant, String run, Sample sample, String more) {
		String cores = (sample.coresBusy < 0) ? "" : String.format(Locale.ROOT, "  cores busy %.2f", sample.coresBusy);
		System.out.printf(Locale.ROOT, "%-32s %-11s %9.1f s  peak connections %2d  peak heap %5d MiB%s  %s%s%n",
				variant, run, sample.nanos / 1e9, sample.peakConnections, sample.peakHeapBytes / (1024 * 1024), cores,
				sample.failures, more.isEmpty() ? "" : "  " + more);
	}

	/** What runs on the databases of a pair once both variants migrated from empty. */
	private interface Restarts {

		void run(Supplier<Sample> plain, Supplier<Sample> starter);

	}

	private record Sample(long nanos, int peakConnections, long peakHeapBytes, double coresBusy, String failures) {
	}

}
