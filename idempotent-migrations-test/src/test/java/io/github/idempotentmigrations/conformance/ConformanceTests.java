package io.github.idempotentmigrations.conformance;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;

/**
 * Real migration sets written by other teams, read from their artifacts, run by the
 * starter from every starting state it promises and compared with plain Flyway: catalog
 * with definitions, rows and history.
 * <p>
 * One set alone: {@code -Dconformance.sets=camunda}; one seed:
 * {@code -Dconformance.seed=42}; more cut points: {@code -Dconformance.cuts=5}.
 */
class ConformanceTests {

	private static final long SEED = Long.getLong("conformance.seed", new Random().nextLong());

	private static final int CUTS = Integer.getInteger("conformance.cuts", 4);

	/** The states, in the order they run and the report prints them. */
	static final List<StartingState> STATES = List.of(new EmptyDatabase(), new PendingWithHandMadeObjects(CUTS),
			new ConflictingHandMadeObject(CUTS), HistoryDropped.whole(), HistoryDropped.withLeavesRemoved(),
			NewestHistoryLost.unannounced(), NewestHistoryLost.assumedApplied(), new KilledMidRun(),
			new FailedWithCommittedData(), new EditedComment());

	/**
	 * The states a big set ({@link CutPoints#big}) runs
	 * ({@code -Dconformance.big-set-states}): all by default (D and K on the six big sets
	 * add about two minutes); a narrower list makes a local run shorter.
	 */
	private static final List<String> BIG_SET_STATES = List
		.of(System.getProperty("conformance.big-set-states", "E,P,X,F,D,L,A,K,N,C").split(","));

	private static final ConformanceReport REPORT = new ConformanceReport(SEED);

	private static final long STARTED = System.nanoTime();

	/**
	 * The set whose states run now; its reference database is dropped when the next set
	 * begins.
	 */
	private static ConformanceSet current;

	@TestFactory
	Stream<DynamicContainer> conformance() {
		Path root = Paths.get(System.getProperty("conformance.corpora", "target/conformance-corpora"))
			.resolveSibling("conformance");
		return MigrationSets.selected().stream().map((migrations) -> {
			ConformanceSet set = replaceCurrent(new ConformanceSet(migrations, root));
			return DynamicContainer.dynamicContainer(migrations.name() + " (" + migrations.size() + " files)",
					STATES.stream().map((state) -> DynamicTest.dynamicTest(state.name(), () -> check(set, state))));
		});
	}

	private static synchronized ConformanceSet replaceCurrent(ConformanceSet next) {
		if (current != null) {
			current.close();
		}
		current = next;
		return next;
	}

	private static void check(ConformanceSet set, StartingState state) {
		// one generator per set and state: a set's result does not depend on which other
		// sets run
		Random random = new Random(SEED ^ set.set().name().hashCode() ^ state.name().hashCode());
		long plainMillis;
		try {
			plainMillis = set.plainTime().toMillis();
		}
		catch (RuntimeException ex) {
			// a set plain Flyway cannot run measures nothing about the starter: fix or
			// exclude the set
			REPORT.add(set, state.name(), "PLAIN FLYWAY FAILS", 0, 0, ex.getMessage());
			throw new AssertionError("Plain Flyway cannot migrate " + set.set().name() + " from empty", ex);
		}
		try {
			Assumptions.assumeTrue(!CutPoints.big(set) || BIG_SET_STATES.contains(state.name()),
					() -> "not run on sets of " + set.set().size() + " files (-Dconformance.big-set-states="
							+ String.join(",", BIG_SET_STATES) + ")");
			StartingState.Verdict verdict = state.check(set, random);
			REPORT.add(set, state.name(), "PASS", verdict.starterMillis(), plainMillis, verdict.detail());
		}
		catch (TestAbortedException ex) {
			REPORT.add(set, state.name(), "N/A", 0, plainMillis, ex.getMessage());
			throw ex;
		}
		catch (AssertionError | RuntimeException ex) {
			REPORT.add(set, state.name(), "FAIL", 0, plainMillis, ex.getMessage());
			throw new AssertionError(set.set().name() + " " + state.name() + " (seed " + SEED + ", -Dconformance.seed="
					+ SEED + "):\n" + ex.getMessage(), ex);
		}
	}

	@AfterAll
	static void printReport() {
		replaceCurrent(null);
		REPORT.write((System.nanoTime() - STARTED) / 1_000_000);
	}

}
