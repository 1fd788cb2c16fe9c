package io.github.idempotentmigrations.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.engine.sql.SqlScriptSplitter;
import io.github.idempotentmigrations.test.state.HandMadeChange;
import io.github.idempotentmigrations.test.state.HandMadeObject;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Assumptions;

/**
 * X: like P, but one hand-made object differs from what migration k builds (another
 * column type, another index column). Startup must stop with a CONFLICT in migration k
 * naming the statement, what it expected and what it found, and leave schema, rows and
 * history exactly as they were; unless migration k builds it with IF NOT EXISTS, which
 * PostgreSQL skips as plain Flyway has it skip: startup then goes on, the difference a
 * warning in the report. The other hand-made objects are made as they are at the end of
 * migration k; one that migration k adds plainly and changes in a later statement (a
 * column added, filled, then made NOT NULL) differs from the statement that adds it, so
 * startup may stop there first: a CONFLICT in migration k on a hand-made object, with
 * both definitions, is then the answer, and the verdict says so.
 */
final class ConflictingHandMadeObject implements StartingState {

	private final int cuts;

	ConflictingHandMadeObject(int cuts) {
		this.cuts = cuts;
	}

	@Override
	public String name() {
		return "X";
	}

	@Override
	public Verdict check(ConformanceSet set, Random random) {
		List<Integer> versions = CutPoints.pick(set, random, this.cuts,
				(added) -> added.stream().anyMatch((object) -> object.variant().isPresent()));
		Assumptions.assumeFalse(versions.isEmpty(), "no migration of " + set.set().name() + " adds an object"
				+ " with a differing variant (a table, column or index)");
		List<String> failures = new ArrayList<>();
		List<String> checked = new ArrayList<>();
		long starterMillis = 0;
		for (int version : versions) {
			List<HandMadeObject> candidates = set.addedBy(version)
				.stream()
				.filter((object) -> object.variant().isPresent())
				.toList();
			HandMadeObject differing = candidates.get(random.nextInt(candidates.size()));
			try (TestDatabase database = TestDatabase.create()) {
				set.plainFlyway(database, version - 1);
				HandMadeChange change = HandMadeChange.create(database, set.addedBy(version), random,
						Optional.of(differing));
				String state = "X at " + CutPoints.describe(set, version) + ", differing " + differing + ", "
						+ change.describe();
				if (change.created().stream().noneMatch((object) -> object.key().equals(differing.key()))) {
					failures.add(state + ": PostgreSQL refused the differing object itself; choose another seed");
					continue;
				}
				DatabaseSnapshot before = DatabaseSnapshot.of(database);
				StarterRun run = set.start(database);
				starterMillis += run.time().toMillis();
				try {
					if (run.failure() == null && builtIfNotExists(set, version, differing)) {
						// the author asked PostgreSQL to keep what holds the name: a
						// warning, as plain Flyway skips it
						checked.add("k=" + version + " " + differing + " (IF NOT EXISTS: skipped with a warning)");
						continue;
					}
					String stoppedAt = assertConflict(run, version, differing, change.created());
					SnapshotAssert.unchanged(before, DatabaseSnapshot.of(database), "the stopped startup");
					checked.add("k=" + version + " " + differing + stoppedAt);
				}
				catch (AssertionError ex) {
					failures.add(state + ":\n  " + ex.getMessage());
				}
			}
		}
		if (!failures.isEmpty()) {
			throw new AssertionError(
					failures.size() + " of " + versions.size() + " cut points failed:\n" + String.join("\n", failures));
		}
		return new Verdict(String.join("; ", checked), starterMillis);
	}

	/**
	 * Returns "" when the CONFLICT names the differing object, else which hand-made
	 * object stopped startup first.
	 */
	private static String assertConflict(StarterRun run, int version, HandMadeObject differing,
			List<HandMadeObject> handMade) {
		if (run.failure() == null) {
			throw new AssertionError("startup succeeded; expected a CONFLICT in migration " + version);
		}
		SchemaConvergenceException failure = run.convergenceFailure()
			.orElseThrow(() -> new AssertionError(
					"startup failed without a CONFLICT:" + StarterRun.messages(run.failure())));
		List<String> conflicts = new ArrayList<>();
		String earlierHandMade = null;
		for (MigrationResult migration : failure.report().migrations()) {
			for (StatementResult statement : migration.statements()) {
				if (statement.outcome().name().equals("CONFLICT")) {
					conflicts.add(migration.version() + ": " + statement.sql());
					boolean definitionsGiven = String.valueOf(version).equals(migration.version())
							&& !isBlank(statement.expected()) && !isBlank(statement.actual())
							&& !statement.expected().equals(statement.actual());
					if (definitionsGiven && names(statement, differing)) {
						return "";
					}
					if (definitionsGiven && earlierHandMade == null) {
						earlierHandMade = handMade.stream()
							.filter((object) -> names(statement, object))
							.map((object) -> " (stopped first at hand-made " + object + ": expected "
									+ statement.expected() + ", found " + statement.actual() + ")")
							.findFirst()
							.orElse(null);
					}
				}
			}
		}
		if (earlierHandMade != null) {
			return earlierHandMade;
		}
		// Without history yet (k=1) the schema is adopted through the shadow: its
		// conflicts are listed by object
		String name = differing.name().replace("\"", "").toLowerCase(Locale.ROOT);
		boolean adoptionConflict = failure.report()
			.problems()
			.stream()
			.flatMap((problem) -> problem.lines())
			.map((line) -> line.toLowerCase(Locale.ROOT))
			.anyMatch((line) -> line.contains("conflict") && line.contains(name) && line.contains("expected ")
					&& line.contains(", found "));
		if (adoptionConflict) {
			return "";
		}
		throw new AssertionError("no CONFLICT in migration " + version + " naming " + differing.name()
				+ " with expected and found definitions; conflicts reported: " + conflicts + "; message: "
				+ failure.getMessage());
	}

	/** Whether migration k builds the object with a statement that says IF NOT EXISTS. */
	private static boolean builtIfNotExists(ConformanceSet set, int version, HandMadeObject differing) {
		String name = differing.name().replace("\"", "").toLowerCase(Locale.ROOT);
		try {
			return SqlScriptSplitter.split(Files.readString(set.set().scripts().get(version - 1)))
				.stream()
				.map((statement) -> statement.replace("\"", "").toLowerCase(Locale.ROOT))
				.anyMatch((statement) -> statement.contains("if not exists") && statement.contains(name));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean names(StatementResult statement, HandMadeObject differing) {
		String name = differing.name().replace("\"", "").toLowerCase(Locale.ROOT);
		return statement.sql().toLowerCase(Locale.ROOT).contains(name);
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
