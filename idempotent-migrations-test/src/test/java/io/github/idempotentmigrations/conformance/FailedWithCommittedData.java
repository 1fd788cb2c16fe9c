package io.github.idempotentmigrations.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import io.github.idempotentmigrations.engine.sql.SqlScriptSplitter;
import io.github.idempotentmigrations.engine.sql.StatementClassifier;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;

/**
 * N: a migration that ran without a transaction failed under plain Flyway after a data
 * statement of its own had committed, as a non-transactional migration leaves it: the
 * statements before the failure stay, the history holds a failed row, and no journal says
 * what committed. Built from a seeded migration of the set that changes rows: plain
 * Flyway runs a copy of it cut after its first data statement and ending in a concurrent
 * index build that fails (which makes Flyway run it without a transaction,
 * {@code mixed}); the script is then the vendor's again. The starter must stop before
 * anything changes, naming that statement and {@code repair.resume-after}; told where it
 * stopped, it must end exactly where plain Flyway ends, rows included (the data statement
 * applied once).
 */
final class FailedWithCommittedData implements StartingState {

	private static final String RESUME_AFTER = "idempotent-migrations.repair.resume-after";

	@Override
	public String name() {
		return "N";
	}

	@Override
	public Verdict check(ConformanceSet set, Random random) {
		List<DataStatement> candidates = dataStatements(set.folder());
		Assumptions.assumeFalse(candidates.isEmpty(), set.set().name() + " has no migration that changes rows");
		DataStatement chosen = candidates.get(random.nextInt(candidates.size()));
		String state = "N: V" + chosen.version() + " failed without a transaction after statement " + chosen.index()
				+ " committed (" + oneLine(chosen.statements().get(chosen.index() - 1)) + ")";
		Path failing = failingCopy(set.folder(), chosen);
		try (TestDatabase database = TestDatabase.create()) {
			set.plainFlyway(database, chosen.version() - 1);
			try {
				Flyway.configure()
					.dataSource(database.jdbcUrl(), database.user(), database.password())
					.locations("filesystem:" + failing.toAbsolutePath())
					.target(String.valueOf(chosen.version()))
					.mixed(true)
					// as every setup with concurrent index builds has it; with Flyway's
					// default transactional lock a failed non-transactional migration
					// leaves no history row at all
					.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
					.load()
					.migrate();
				throw new AssertionError(state + ": the failing copy did not fail");
			}
			catch (RuntimeException expected) {
				// the failure the state is about
			}
			DatabaseSnapshot before = DatabaseSnapshot.of(database);
			StarterRun stopped = set.start(database);
			String setting = RESUME_AFTER + "[" + chosen.version() + "]=";
			if (stopped.failure() == null || !StarterRun.messages(stopped.failure()).contains(setting)) {
				throw new AssertionError(state + ": startup did not stop naming " + setting
						+ ((stopped.failure() != null) ? StarterRun.messages(stopped.failure()) : " (it started)"));
			}
			SnapshotAssert.unchanged(before, DatabaseSnapshot.of(database), state + ", stopped start");

			StarterRun resumed = StarterRun.on(database, set.location(), setting + chosen.index());
			try {
				resumed.requireStarted();
			}
			catch (AssertionError ex) {
				throw new AssertionError(state + ", " + setting + chosen.index() + ": " + ex.getMessage(), ex);
			}
			SnapshotAssert.alike(set.reference(), database, state + ", " + setting + chosen.index());
			return new Verdict(state + "; stopped, then resumed with " + setting + chosen.index(),
					stopped.time().toMillis() + resumed.time().toMillis());
		}
		finally {
			delete(failing);
		}
	}

	private static List<DataStatement> dataStatements(Path folder) {
		List<DataStatement> found = new ArrayList<>();
		for (Path script : scripts(folder)) {
			List<String> statements = SqlScriptSplitter.split(read(script));
			for (int i = 0; i < statements.size(); i++) {
				if (StatementClassifier.classify(statements.get(i)).kind().isDataChange()) {
					found.add(new DataStatement(version(script), script, statements, i + 1));
					break;
				}
			}
		}
		return found;
	}

	/**
	 * The set with the chosen migration cut after its data statement, a failing statement
	 * appended and its transaction turned off, as a non-transactional migration that
	 * failed there ran.
	 */
	private static Path failingCopy(Path folder, DataStatement chosen) {
		try {
			Path copy = Files.createTempDirectory("conformance-failing-");
			for (Path script : scripts(folder)) {
				Files.copy(script, copy.resolve(script.getFileName()));
			}
			Path script = copy.resolve(chosen.script().getFileName());
			// A statement Flyway knows cannot run in a transaction makes the whole
			// migration run without one (mixed), as Flyway runs a non-transactional
			// migration; it fails on a table that is not there.
			Files.writeString(script, String.join(";\n", chosen.statements().subList(0, chosen.index()))
					+ ";\nCREATE INDEX CONCURRENTLY im_state_n ON im_state_n_not_there (id);\n");
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> scripts(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((path) -> path.getFileName().toString().matches("V\\d+__.*\\.sql"))
				.sorted(Comparator.comparingInt(FailedWithCommittedData::version))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int version(Path script) {
		String name = script.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.indexOf("__")));
	}

	private static String read(Path script) {
		try {
			return Files.readString(script);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String oneLine(String sql) {
		String line = sql.replaceAll("\\s+", " ").strip();
		return (line.length() > 80) ? line.substring(0, 80) + "..." : line;
	}

	private static void delete(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A migration's first statement that changes rows, with the migration's statements.
	 */
	private record DataStatement(int version, Path script, List<String> statements, int index) {
	}

}
