package io.github.idempotentmigrations.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * L and A: plain Flyway applied everything, then the history rows of the newest third of
 * the migrations (at least one) were deleted; their objects and rows are still there. The
 * history is a fact, so in L the starter takes those migrations as pending: it converges
 * on the normal path (catalog and history as plain Flyway's; their data statements ran
 * again, as the history says they never ran), or stops with an analysis that names
 * {@code repair.assume-applied}, leaving no failed row behind. In A the person who knows
 * says so with that setting: the starter must end exactly where plain Flyway ends, rows
 * included, running none of their statements.
 */
final class NewestHistoryLost implements StartingState {

	private static final String ASSUME_APPLIED = "idempotent-migrations.repair.assume-applied";

	private final boolean told;

	private NewestHistoryLost(boolean told) {
		this.told = told;
	}

	/** L: nobody says what the lost rows were. */
	static NewestHistoryLost unannounced() {
		return new NewestHistoryLost(false);
	}

	/** A: the lost versions named with {@code repair.assume-applied}. */
	static NewestHistoryLost assumedApplied() {
		return new NewestHistoryLost(true);
	}

	@Override
	public String name() {
		return this.told ? "A" : "L";
	}

	@Override
	public Verdict check(ConformanceSet set, Random random) {
		int lost = Math.max(1, set.set().size() / 3);
		int kept = set.set().size() - lost;
		try (TestDatabase database = set.migratedCopy()) {
			List<String> versions = database.query("SELECT version FROM flyway_schema_history WHERE version IS NOT"
					+ " NULL ORDER BY installed_rank DESC LIMIT " + lost);
			database.execute(
					"DELETE FROM flyway_schema_history WHERE version IN ('" + String.join("', '", versions) + "')");
			String state = name() + ": history of " + lost + " newest migrations (" + (kept + 1) + ".."
					+ set.set().size() + ") deleted";
			if (this.told) {
				List<String> oldestFirst = new ArrayList<>(versions);
				Collections.reverse(oldestFirst);
				String setting = ASSUME_APPLIED + "=" + String.join(",", oldestFirst);
				StarterRun run = StarterRun.on(database, set.location(), setting);
				require(run, state + ", " + setting);
				SnapshotAssert.alike(set.reference(), database, state + ", " + setting);
				return new Verdict(state + ", assume-applied given", run.time().toMillis());
			}
			StarterRun run = set.start(database);
			if (run.failure() == null) {
				DatabaseSnapshot after = DatabaseSnapshot.of(database);
				DatabaseSnapshot reference = set.reference();
				SnapshotAssert.alike(new DatabaseSnapshot(reference.catalog(), List.of(), reference.history()),
						new DatabaseSnapshot(after.catalog(), List.of(), after.history()), database, state);
				return new Verdict(state + ": converged on the normal path", run.time().toMillis());
			}
			String problems = run.convergenceFailure()
				.map(SchemaConvergenceException::report)
				.map((report) -> String.join("\n", report.problems()))
				.orElse("");
			if (!problems.contains(ASSUME_APPLIED)) {
				throw new AssertionError(state + ": startup failed without naming " + ASSUME_APPLIED + ":"
						+ StarterRun.messages(run.failure()));
			}
			if (!database.query("SELECT version FROM flyway_schema_history WHERE NOT success").isEmpty()) {
				throw new AssertionError(state + ": the failed start left a failed history row");
			}
			return new Verdict(state + ": stopped naming " + ASSUME_APPLIED, run.time().toMillis());
		}
	}

	private static void require(StarterRun run, String state) {
		try {
			run.requireStarted();
		}
		catch (AssertionError ex) {
			throw new AssertionError(state + ": " + ex.getMessage(), ex);
		}
	}

}
