package io.github.idempotentmigrations.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * The whole process, side by side: the sample application restarted with nothing pending,
 * plain Boot + Flyway ({@code idempotent-migrations.enabled=false}) against the starter,
 * in alternating pairs, each boot a new JVM on the same database (an embedded server in
 * this process). Reads Boot's own "Started ... in X seconds (process running for Y)" line
 * and stops the application once it is printed. Besides the ratio of the medians, prints
 * the median of each pair's difference, less sensitive to a busy machine slowing both
 * boots of a pair.
 *
 * <p>
 * Options: {@code -Dbench.sample.classpath=...} (the sample's runtime classpath,
 * required), {@code -Dbench.reps=5} (pairs). See BENCHMARKS.md.
 */
public final class SampleRestartBenchmark {

	private static final Pattern STARTED = Pattern
		.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

	private SampleRestartBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String classpath = System.getProperty("bench.sample.classpath");
		if (classpath == null) {
			throw new IllegalArgumentException("-Dbench.sample.classpath is required (the sample's runtime classpath)");
		}
		int reps = Integer.getInteger("bench.reps", 5);
		try (TestDatabase database = TestDatabase.create()) {
			// first boot migrates (starter), second is a plain warm-up of the file cache:
			// neither is recorded
			boot(classpath, database, true);
			boot(classpath, database, false);
			List<Boot> plain = new ArrayList<>();
			List<Boot> starter = new ArrayList<>();
			for (int rep = 0; rep < reps; rep++) {
				boolean starterFirst = rep % 2 == 1;
				for (boolean withStarter : starterFirst ? new boolean[] { true, false }
						: new boolean[] { false, true }) {
					Boot boot = boot(classpath, database, withStarter);
					(withStarter ? starter : plain).add(boot);
					System.out.printf(Locale.ROOT, "  rep %d %-22s context %.3f s, process %.3f s%n", rep + 1,
							withStarter ? "starter" : "plain Boot + Flyway", boot.contextSeconds, boot.processSeconds);
				}
			}
			double plainContext = median(plain.stream().mapToDouble(Boot::contextSeconds).toArray());
			double starterContext = median(starter.stream().mapToDouble(Boot::contextSeconds).toArray());
			double plainProcess = median(plain.stream().mapToDouble(Boot::processSeconds).toArray());
			double starterProcess = median(starter.stream().mapToDouble(Boot::processSeconds).toArray());
			System.out.printf(Locale.ROOT,
					"medians over %d pairs: plain Boot + Flyway context %.3f s, process %.3f s;"
							+ " starter context %.3f s, process %.3f s%n",
					reps, plainContext, plainProcess, starterContext, starterProcess);
			double[] pairs = new double[reps];
			for (int i = 0; i < reps; i++) {
				pairs[i] = starter.get(i).processSeconds - plain.get(i).processSeconds;
			}
			double pairDifference = median(pairs);
			System.out.printf(Locale.ROOT, "ratio of medians (process): %.3f, (context): %.3f; median of the pairs'"
					+ " differences (process, starter - plain): %+.3f s = %.3f of plain's median; target <= 1.03%n",
					starterProcess / plainProcess, starterContext / plainContext, pairDifference,
					1 + pairDifference / plainProcess);
		}
	}

	private static Boot boot(String classpath, TestDatabase database, boolean withStarter)
			throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m", "-cp", classpath,
				"io.github.idempotentmigrations.sample.SampleApplication", "--server.port=0",
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password(),
				"--idempotent-migrations.enabled=" + withStarter));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> output = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = lines.readLine()) != null) {
				output.add(line);
				Matcher matcher = STARTED.matcher(line);
				if (matcher.find()) {
					return new Boot(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)));
				}
			}
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		throw new IllegalStateException("the sample did not start:\n"
				+ String.join("\n", output.subList(Math.max(0, output.size() - 30), output.size())));
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		java.util.Arrays.sort(sorted);
		int n = sorted.length;
		return (n % 2 != 1) ? (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 : sorted[n / 2];
	}

	record Boot(double contextSeconds, double processSeconds) {
	}

}
