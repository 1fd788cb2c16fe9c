package io.github.idempotentmigrations.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;

/**
 * C: plain Flyway applied everything, then someone added a comment line to a seeded
 * applied migration, which changes its checksum and nothing else. With the default
 * {@code checksum-mismatches=fail} startup must fail and change nothing; with
 * {@code realign} it must start, record the new checksum (a plain {@code validate}
 * passes) and run no statement: catalog and rows stay exactly as they were.
 */
final class EditedComment implements StartingState {

	private static final String REALIGN = "idempotent-migrations.repair.checksum-mismatches=realign";

	@Override
	public String name() {
		return "C";
	}

	@Override
	public Verdict check(ConformanceSet set, Random random) {
		int version = 1 + random.nextInt(set.set().size());
		Path edited = copy(set.folder());
		try (TestDatabase database = set.migratedCopy()) {
			String file = addComment(edited, version, random);
			String state = "C: comment added to applied " + file;
			String location = "filesystem:" + edited.toAbsolutePath();

			DatabaseSnapshot before = DatabaseSnapshot.of(database);
			StarterRun strict = StarterRun.on(database, location);
			if (strict.failure() == null) {
				throw new AssertionError(state + ": startup with checksum-mismatches=fail did not fail");
			}
			String why = StarterRun.messages(strict.failure());
			if (!why.contains(file)) {
				throw new AssertionError(state + ": the failure does not name the edited script:" + why);
			}
			SnapshotAssert.unchanged(before, DatabaseSnapshot.of(database), state + ", failed startup");

			StarterRun realign = StarterRun.on(database, location, REALIGN);
			try {
				realign.requireStarted();
			}
			catch (AssertionError ex) {
				throw new AssertionError(state + ", realign: " + ex.getMessage(), ex);
			}
			DatabaseSnapshot after = DatabaseSnapshot.of(database);
			// nothing executed: catalog and every application row exactly as before,
			// timestamps included
			SnapshotAssert.unchanged(new DatabaseSnapshot(before.catalog(), before.userRows(), List.of()),
					new DatabaseSnapshot(after.catalog(), after.userRows(), List.of()), state + ", realign");
			if (after.history().size() != before.history().size()) {
				throw new AssertionError(
						state + ", realign: history rows " + before.history() + " became " + after.history());
			}
			try {
				Flyway.configure()
					.dataSource(database.jdbcUrl(), database.user(), database.password())
					.locations(location)
					.load()
					.validate();
			}
			catch (RuntimeException ex) {
				throw new AssertionError(state + ", realign: plain Flyway validate fails: " + ex.getMessage(), ex);
			}
			return new Verdict(state + "; fail: " + lineNaming(why, file) + "; realign: started, validate passes",
					strict.time().toMillis() + realign.time().toMillis());
		}
		finally {
			delete(edited);
		}
	}

	/**
	 * Adds a seeded comment line before a seeded line of migration {@code version};
	 * returns the file's name.
	 */
	private static String addComment(Path folder, int version, Random random) {
		try (Stream<Path> files = Files.list(folder)) {
			Path file = files.filter((path) -> path.getFileName().toString().startsWith("V" + version + "__"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No migration " + version + " in " + folder));
			List<String> lines = new ArrayList<>(Files.readAllLines(file));
			// at the top, or just before a seeded comment line: never inside a statement
			// or a function body
			List<Integer> places = new ArrayList<>(List.of(0));
			for (int i = 0; i < lines.size() && (lines.get(i).isBlank() || lines.get(i).startsWith("--")); i++) {
				places.add(i + 1);
			}
			lines.add(places.get(random.nextInt(places.size())),
					"-- reviewed, no change (" + random.nextInt(1000) + ")");
			Files.write(file, lines);
			return file.getFileName().toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path copy(Path folder) {
		try {
			Path copy = Files.createTempDirectory("conformance-edited-");
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.toList()) {
					Files.copy(file, copy.resolve(file.getFileName()));
				}
			}
			return copy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

	private static String lineNaming(String messages, String file) {
		String line = messages.lines().filter((text) -> text.contains(file)).findFirst().orElse(messages).strip();
		int sentence = line.indexOf(". ");
		return (sentence < 0) ? line : line.substring(0, sentence + 1);
	}

}
