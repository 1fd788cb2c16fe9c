package io.github.idempotentmigrations.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.idempotentmigrations.autoconfigure.StarterFlywayCustomizer;
import io.github.idempotentmigrations.engine.ConflictPolicy;
import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.LockWaits;
import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.StartupMode;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.flyway.ChecksumMismatchPolicy;
import io.github.idempotentmigrations.flyway.ConnectSettings;
import io.github.idempotentmigrations.flyway.DriftPolicy;
import io.github.idempotentmigrations.flyway.EngineRunObserver;
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
 * Startup cost of the starter against plain Flyway, side by side, on one embedded
 * PostgreSQL server. For each migration-set size and each repetition (variants alternate
 * order), on a fresh database per variant: (a) full migrate of an empty database, (b)
 * migrate again with nothing pending (a restart), (c) for the starter only, drop the
 * history and adopt the fully present schema. Round trips are counted by a JDBC proxy.
 *
 * <p>
 * Run: {@code ./mvnw -Pbenchmarks -pl benchmarks -am -DskipTests verify} (see
 * BENCHMARKS.md).
 */
public final class StartupBenchmark {

	/**
	 * The starter's defaults: connect.lock-timeout=1s, connect.lock-retries=10,
	 * connect.lock-retry-backoff=500ms.
	 */
	private static final LockWaits LOCK_WAITS = new LockWaits(10, Duration.ofMillis(500));

	private static final StartupSettings SETTINGS = new StartupSettings(StartupMode.MIGRATE,
			new RepairSettings(UnhistoriedSchemaPolicy.REPAIR, FailedMigrationPolicy.REPAIR, InvalidIndexPolicy.WARN,
					ChecksumMismatchPolicy.FAIL, MissingMigrationPolicy.WARN, DriftPolicy.WARN),
			new ConnectSettings(Duration.ofSeconds(60), Duration.ofMillis(500), Duration.ofSeconds(5),
					Duration.ofSeconds(1)),
			ShadowSettings.temporary(), PersonsWord.none());

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int[] sizes = ints(System.getProperty("bench.sizes", "100,1000"));
		int[] reps = ints(System.getProperty("bench.reps", "5,2"));
		Path root = Files.createTempDirectory("im-bench-");
		header();

		// JIT warm-up on a small set, not recorded
		Path warmDir = root.resolve("warmup");
		MigrationSetGenerator.write(warmDir, 20);
		for (Variant variant : Variant.values()) {
			runVariant(variant, warmDir, new EnumMap<>(Scenario.class));
		}

		for (int s = 0; s < sizes.length; s++) {
			int size = sizes[s];
			int repetitions = reps[Math.min(s, reps.length - 1)];
			Path dir = root.resolve("set-" + size);
			List<String> statements = MigrationSetGenerator.write(dir, size);
			Map<Variant, Map<Scenario, List<Sample>>> samples = new EnumMap<>(Variant.class);
			for (Variant v : Variant.values()) {
				samples.put(v, new EnumMap<>(Scenario.class));
			}
			System.out.printf(Locale.ROOT, "%n== %d migrations, %d statements, %d repetitions ==%n", size,
					statements.size(), repetitions);
			for (int rep = 0; rep < repetitions; rep++) {
				List<Variant> order = new ArrayList<>(Arrays.asList(Variant.values()));
				if (rep % 2 == 1) {
					java.util.Collections.reverse(order);
				}
				for (Variant variant : order) {
					Map<Scenario, Sample> run = runVariant(variant, dir, new EnumMap<>(Scenario.class));
					run.forEach((scenario, sample) -> samples.get(variant)
						.computeIfAbsent(scenario, (k) -> new ArrayList<>())
						.add(sample));
					System.out.printf(Locale.ROOT, "  rep %d %-18s %s%n", rep + 1, variant.label,
							run.entrySet()
								.stream()
								.map((e) -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + ms(e.getValue().nanos)
										+ ((e.getValue().failure != null) ? "(FAILED)" : ""))
								.collect(Collectors.joining(" ")));
				}
			}
			report(size, statements.size(), samples);
		}
	}

	private static Map<Scenario, Sample> runVariant(Variant variant, Path dir, Map<Scenario, Sample> out) {
		try (TestDatabase database = TestDatabase.create()) {
			RoundTrips trips = new RoundTrips();
			DataSource dataSource = trips.wrap(database.dataSource());
			String location = "filesystem:" + dir.toAbsolutePath();
			out.put(Scenario.FRESH, measure(variant, database, dataSource, trips, location, null));
			out.put(Scenario.RESTART, measure(variant, database, dataSource, trips, location, null));
			if (variant != Variant.PLAIN) {
				database.execute("DROP TABLE flyway_schema_history");
				// the counting proxy hides the credentials a temporary shadow would
				// reuse: reserve one instead
				try (TestDatabase shadow = TestDatabase.create()) {
					out.put(Scenario.ADOPT, measure(variant, database, dataSource, trips, location,
							new ShadowSettings(shadow.jdbcUrl(), shadow.user(), shadow.password())));
				}
			}
		}
		return out;
	}

	/**
	 * One measured start of the variant on a fresh database.
	 * @param adoptThrough the reserved shadow for an adoption, or null for a migrate
	 */
	private static Sample measure(Variant variant, TestDatabase database, DataSource dataSource, RoundTrips trips,
			String location, ShadowSettings adoptThrough) {
		EngineSettings engineSettings = new EngineSettings(ConflictPolicy.FAIL, LOCK_WAITS);
		Subtransactions before = subtransactions(database, 300);
		MigrationRunTracker runs = new MigrationRunTracker(engineSettings);
		AtomicInteger catalogQueries = new AtomicInteger(-1);
		System.gc();
		trips.reset();
		long start = System.nanoTime();
		String failure = null;
		try {
			run(variant, dataSource, location, adoptThrough, engineSettings, runs, catalogQueries);
		}
		catch (RuntimeException ex) {
			Throwable root = ex;
			while (root.getCause() != null) {
				root = root.getCause();
			}
			failure = String.valueOf(root.getMessage()).lines().findFirst().orElse("") + " <- "
					+ String.valueOf(ex.getMessage()).lines().findFirst().orElse("")
					+ ((ex instanceof SchemaConvergenceException convergence)
							? " " + convergence.report().problems().stream().limit(3).toList() : "");
		}
		long nanos = System.nanoTime() - start;
		long savepoints = trips.savepointsSent();
		Subtransactions after = subtransactions(database, 1000);
		return new Sample(nanos, trips.total(), catalogQueries.get(), trips.describe(), outcomes(runs),
				trips.totalNanos(), failure, savepoints,
				(before != null && after != null) ? after.since(before) : null);
	}

	/**
	 * Read outside the timed part, after a pause that lets the migration's backends
	 * report their SLRU counts.
	 */
	private static Subtransactions subtransactions(TestDatabase database, long settleMillis) {
		try (Connection connection = database.connect()) {
			return Subtransactions.read(connection, settleMillis);
		}
		catch (java.sql.SQLException ex) {
			return null;
		}
	}

	private static void run(Variant variant, DataSource dataSource, String location, ShadowSettings adoptThrough,
			EngineSettings engineSettings, MigrationRunTracker runs, AtomicInteger catalogQueries) {
		switch (variant) {
			case PLAIN -> {
				FluentConfiguration configuration = Flyway.configure().dataSource(dataSource).locations(location);
				configuration.getPluginRegister()
					.getExact(PostgreSQLConfigurationExtension.class)
					.setTransactionalLock(true);
				configuration.load().migrate();
			}
			case ENGINE -> {
				Flyway flyway = starterConfiguration(dataSource, location, runs, catalogQueries).load();
				if (adoptThrough != null) {
					// Adoption exists only in the strategy (through a shadow): the
					// callback alone has nothing to adopt.
					strategy(engineSettings, runs, adoptThrough).migrate(flyway);
				}
				else {
					flyway.migrate();
				}
			}
			case STARTER -> strategy(engineSettings, runs, adoptThrough)
				.migrate(starterConfiguration(dataSource, location, runs, catalogQueries).load());
		}
	}

	private static IdempotentMigrationStrategy strategy(EngineSettings engineSettings, MigrationRunTracker runs,
			ShadowSettings shadow) {
		StartupSettings settings = (shadow != null) ? new StartupSettings(SETTINGS.mode(), SETTINGS.repair(),
				SETTINGS.connect(), shadow, SETTINGS.personsWord()) : SETTINGS;
		return new IdempotentMigrationStrategy(settings, engineSettings, runs, new MigrationReportStore());
	}

	/**
	 * Configured the way the starter's FlywayConfigurationCustomizer configures Boot's
	 * Flyway.
	 */
	private static FluentConfiguration starterConfiguration(DataSource dataSource, String location,
			MigrationRunTracker runs, AtomicInteger catalogQueries) {
		FluentConfiguration configuration = Flyway.configure()
			.dataSource(dataSource)
			.locations(location)
			.callbacks(new EngineRunObserver(runs, catalogQueries::set));
		return StarterFlywayCustomizer.customize(configuration, new IdempotentStatementCallback(runs), SETTINGS);
	}

	private static String outcomes(MigrationRunTracker runs) {
		Map<String, Long> counts = new TreeMap<>();
		for (MigrationResult migration : runs.lastResults()) {
			for (StatementResult statement : migration.statements()) {
				counts.merge(statement.outcome().name(), 1L, Long::sum);
			}
		}
		return counts.toString();
	}

	private static void report(int size, int statementCount, Map<Variant, Map<Scenario, List<Sample>>> samples) {
		System.out.printf(Locale.ROOT, "%n-- medians, %d migrations / %d statements --%n", size, statementCount);
		System.out.printf(Locale.ROOT, "%-30s %-18s %10s %12s %10s %9s  %s%n", "scenario", "variant", "median",
				"round trips", "per stmt", "cat.qry", "engine outcomes (last rep)");
		for (Scenario scenario : Scenario.values()) {
			for (Variant variant : Variant.values()) {
				List<Sample> list = samples.get(variant).get(scenario);
				if (list == null) {
					continue;
				}
				Sample last = list.get(list.size() - 1);
				System.out.printf(Locale.ROOT, "%-30s %-18s %10s %12d %10.2f %9s  %s%n", scenario.label, variant.label,
						ms(median(list)), last.roundTrips, (double) last.roundTrips / statementCount,
						(last.catalogQueries < 0) ? "-" : String.valueOf(last.catalogQueries),
						(variant != Variant.PLAIN) ? last.outcomes : "");
				list.stream()
					.map(Sample::failure)
					.filter((f) -> f != null)
					.distinct()
					.forEach((f) -> System.out.printf(Locale.ROOT, "%-30s %-18s FAILED (%d of %d reps): %s%n", "", "",
							list.stream().filter((x) -> x.failure != null).count(), list.size(), f));
			}
		}
		System.out.printf(Locale.ROOT,
				"%n-- where the time goes (last rep): round trips/ms spent in JDBC per category --%n");
		for (Scenario scenario : Scenario.values()) {
			for (Variant variant : Variant.values()) {
				List<Sample> list = samples.get(variant).get(scenario);
				if (list == null) {
					continue;
				}
				Sample last = list.get(list.size() - 1);
				System.out.printf(Locale.ROOT, "%-30s %-18s total %s, in JDBC %s, outside JDBC %s: %s%n",
						scenario.label, variant.label, ms(last.nanos), ms(last.jdbcNanos),
						ms(last.nanos - last.jdbcNanos), last.breakdown);
			}
		}
		System.out.printf(Locale.ROOT, "%n-- subtransactions (last rep): SAVEPOINT commands sent; PostgreSQL's xids and"
				+ " subtransaction SLRU, before/after --%n");
		for (Scenario scenario : Scenario.values()) {
			for (Variant variant : Variant.values()) {
				List<Sample> list = samples.get(variant).get(scenario);
				if (list == null) {
					continue;
				}
				Sample last = list.get(list.size() - 1);
				System.out.printf(Locale.ROOT, "%-30s %-18s savepoints %6d  per migration %6.2f  per stmt %5.3f  %s%n",
						scenario.label, variant.label, last.savepoints, (double) last.savepoints / size,
						(double) last.savepoints / statementCount,
						(last.subtransactions != null) ? last.subtransactions.describe() : "(not read)");
			}
		}
		System.out.printf(Locale.ROOT, "%n-- ratios vs targets, %d migrations --%n", size);
		for (Variant starter : List.of(Variant.ENGINE, Variant.STARTER)) {
			double a = median(samples.get(starter).get(Scenario.FRESH));
			double b = median(samples.get(starter).get(Scenario.RESTART));
			double c = median(samples.get(starter).get(Scenario.ADOPT));
			double plainA = median(samples.get(Variant.PLAIN).get(Scenario.FRESH));
			double plainB = median(samples.get(Variant.PLAIN).get(Scenario.RESTART));
			Sample freshStarter = last(samples, starter, Scenario.FRESH);
			Sample freshPlain = last(samples, Variant.PLAIN, Scenario.FRESH);
			double perStatement = (double) freshStarter.roundTrips / statementCount;
			double extraPerStatement = (double) (freshStarter.roundTrips - freshPlain.roundTrips) / statementCount;
			boolean failedA = failed(samples, starter, Scenario.FRESH);
			target(starter, "(a) full migrate vs plain", a / plainA, (starter != Variant.ENGINE) ? 1.10 : 1.05,
					failedA);
			target(starter, "(b) restart vs plain", b / plainB, 1.05, failed(samples, starter, Scenario.RESTART));
			target(starter, "(c) adopt vs own (a)", c / a, 1.30, failedA || failed(samples, starter, Scenario.ADOPT));
			target(starter, "(d) extra round trips/stmt, (a)", extraPerStatement, 0.10, failedA);
			System.out.printf(Locale.ROOT, "  %-18s %-30s %8.2f   (plain: %.2f; adopt: %.2f)%n", starter.label,
					"    round trips per stmt", perStatement, (double) freshPlain.roundTrips / statementCount,
					(double) last(samples, starter, Scenario.ADOPT).roundTrips / statementCount);
		}
	}

	private static Sample last(Map<Variant, Map<Scenario, List<Sample>>> samples, Variant v, Scenario s) {
		List<Sample> list = samples.get(v).get(s);
		return list.get(list.size() - 1);
	}

	private static boolean failed(Map<Variant, Map<Scenario, List<Sample>>> samples, Variant v, Scenario s) {
		return samples.get(v).get(s).stream().anyMatch((x) -> x.failure != null);
	}

	private static void target(Variant variant, String what, double value, double target, boolean failed) {
		System.out.printf(Locale.ROOT, "  %-18s %-30s %8.2f   target <= %.2f   %s%n", variant.label, what, value,
				target, failed ? "INVALID (run FAILED)" : (value <= target) ? "MET" : "NOT MET");
	}

	private static double median(List<Sample> samples) {
		List<Long> sorted = samples.stream().map(Sample::nanos).sorted(Comparator.naturalOrder()).toList();
		int n = sorted.size();
		return (n % 2 != 1) ? (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0 : sorted.get(n / 2);
	}

	private static String ms(double nanos) {
		return String.format(Locale.ROOT, "%.0f ms", nanos / 1_000_000.0);
	}

	private static void header() throws Exception {
		String version;
		try (TestDatabase database = TestDatabase.create();
				Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SHOW server_version")) {
			rs.next();
			version = rs.getString(1);
		}
		System.out.printf(Locale.ROOT, "idempotent-migrations startup benchmark (statement mix: %s)%n",
				MigrationSetGenerator.COMPARABLE ? "full, with views and functions"
						: "without views and functions (-Dbench.comparable=false)");
		System.out.printf(Locale.ROOT, "JDK %s (%s), %d available processors, PostgreSQL %s (embedded), Flyway %s%n",
				System.getProperty("java.version"), System.getProperty("java.vm.name"),
				Runtime.getRuntime().availableProcessors(), version, flywayVersion());
	}

	private static String flywayVersion() {
		try (var in = Flyway.class.getResourceAsStream("/org/flywaydb/core/internal/version.txt")) {
			return (in != null) ? new String(in.readAllBytes()).trim() : "?";
		}
		catch (java.io.IOException ex) {
			return "?";
		}
	}

	private static int[] ints(String csv) {
		return Arrays.stream(csv.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
	}

	enum Variant {

		PLAIN("plain Flyway"), ENGINE("starter, callback"), STARTER("starter, strategy");

		final String label;

		Variant(String label) {
			this.label = label;
		}

	}

	enum Scenario {

		FRESH("(a) empty db, full migrate"), RESTART("(b) restart, nothing pending"),
		ADOPT("(c) adopt schema w/o history");

		final String label;

		Scenario(String label) {
			this.label = label;
		}

	}

	record Sample(long nanos, long roundTrips, int catalogQueries, String breakdown, String outcomes, long jdbcNanos,
			String failure, long savepoints, Subtransactions subtransactions) {
	}

}
