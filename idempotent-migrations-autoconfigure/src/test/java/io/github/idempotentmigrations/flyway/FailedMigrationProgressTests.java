package io.github.idempotentmigrations.flyway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static io.github.idempotentmigrations.flyway.MigratingApplication.failure;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.onLocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A failed non-transactional migration whose committed statements are not known (failed
 * under plain Flyway, a script edited after the failure) never runs a statement that can
 * change rows twice: it resumes where the journal says, or stops before anything changes
 * and names the statements and the explicit choices.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class FailedMigrationProgressTests {

	private static final String MIXED = "spring.flyway.mixed=true";

	@Test
	void aFailureUnderPlainFlywayWithACommittedUpdateStopsBeforeAnythingChanges(TestDatabase db) {
		failUnderPlainFlyway(db);
		db.execute("UPDATE accounts SET u = id"); // the duplicates are fixed
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		on(db, "committed-update", MIXED).run((context) -> {
			SchemaConvergenceException failure = failure(context);
			assertThat(failure.getMessage()).contains("Migration 2 \"cents and unique\"",
					"statement 1: UPDATE accounts SET cents = cents * 100",
					"idempotent-migrations.repair.resume-after[2]=1", "idempotent-migrations.repair.resume-after[2]=0");
		});

		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	@Test
	void aPersonSaysWhereItStoppedAndItResumesThere(TestDatabase db) {
		failUnderPlainFlyway(db);
		db.execute("UPDATE accounts SET u = id");

		on(db, "committed-update", MIXED, "idempotent-migrations.repair.resume-after[2]=1")
			.run((context) -> assertThat(context).hasNotFailed());

		assertThat(db.query("SELECT id || ':' || cents FROM accounts ORDER BY id")).containsExactly("1:500", "2:700");
		assertThat(db.query("SELECT version || ':' || success FROM flyway_schema_history ORDER BY installed_rank"))
			.containsExactly("1:true", "2:true");
		assertThat(db.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'accounts_u'::regclass"))
			.containsExactly("t");
	}

	@Test
	void aScriptFixedAfterTheFailedStatementResumesWhereTheJournalSays(TestDatabase db, @TempDir Path dir)
			throws IOException {
		Path set = copyOf("committed-update", dir);
		onLocation(db, "filesystem:" + set, MIXED).run((context) -> assertThat(context).hasFailed());
		assertThat(db.query("SELECT cents FROM accounts ORDER BY id")).containsExactly("500", "700");

		// The usual fix: the failing index line is edited.
		replace(set.resolve("V2__cents_and_unique.sql"), "ON accounts (u)", "ON accounts (u, id)");
		onLocation(db, "filesystem:" + set, MIXED).run((context) -> assertThat(context).hasNotFailed());

		assertThat(db.query("SELECT cents FROM accounts ORDER BY id")).containsExactly("500", "700");
		assertThat(db.query("SELECT version || ':' || success FROM flyway_schema_history ORDER BY installed_rank"))
			.containsExactly("1:true", "2:true");
	}

	@Test
	void anEditOfACommittedStatementStopsBeforeAnythingChanges(TestDatabase db, @TempDir Path dir) throws IOException {
		Path set = copyOf("committed-update", dir);
		onLocation(db, "filesystem:" + set, MIXED).run((context) -> assertThat(context).hasFailed());
		db.execute("UPDATE accounts SET u = id");
		replace(set.resolve("V2__cents_and_unique.sql"), "cents * 100", "cents * 10");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		onLocation(db, "filesystem:" + set, MIXED).run((context) -> {
			SchemaConvergenceException failure = failure(context);
			assertThat(failure.getMessage()).contains("statement 1", "committed", "edited",
					"idempotent-migrations.repair.resume-after[2]");
		});

		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	@Test
	void aScriptEditedAfterAFailureUnderPlainFlywayStopsBeforeAnythingChanges(TestDatabase db, @TempDir Path dir)
			throws IOException {
		Path set = copyOf("committed-update", dir);
		Flyway flyway = Flyway.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + set)
			.mixed(true)
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load();
		assertThatExceptionOfType(FlywayException.class).isThrownBy(flyway::migrate);
		// The committed UPDATE moves to a migration of its own: what remains of V2 looks
		// safe to run again.
		replace(set.resolve("V2__cents_and_unique.sql"), "UPDATE accounts SET cents = cents * 100;", "");
		Files.writeString(set.resolve("V3__cents.sql"), "UPDATE accounts SET cents = cents * 100;\n");
		db.execute("UPDATE accounts SET u = id");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		onLocation(db, "filesystem:" + set, MIXED).run((context) -> assertThat(failure(context).getMessage())
			.contains("edited since", "idempotent-migrations.repair.resume-after[2]"));

		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	@Test
	void aCommittedCopyIsJournaledAndNotLoadedTwice(TestDatabase db) {
		on(db, "copy-then-index", MIXED).run((context) -> assertThat(context).hasFailed());
		assertThat(db.query("SELECT count(*) FROM seed")).containsExactly("2");
		db.execute("UPDATE accounts SET u = id");

		on(db, "copy-then-index", MIXED).run((context) -> assertThat(context).hasNotFailed());

		assertThat(db.query("SELECT code FROM seed ORDER BY code")).containsExactly("EUR", "USD");
	}

	private static void failUnderPlainFlyway(TestDatabase db) {
		Flyway flyway = Flyway.configure()
			.dataSource(db.dataSource())
			.locations("classpath:db/startup/committed-update")
			.mixed(true)
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load();
		assertThatExceptionOfType(FlywayException.class).isThrownBy(flyway::migrate);
		// The UPDATE committed before the index failed.
		assertThat(db.query("SELECT cents FROM accounts ORDER BY id")).containsExactly("500", "700");
	}

	private static Path copyOf(String scenario, Path dir) throws IOException {
		Path source = Path.of("src/test/resources/db/startup", scenario);
		try (var files = Files.list(source)) {
			for (Path file : files.toList()) {
				Files.copy(file, dir.resolve(file.getFileName()));
			}
		}
		return dir;
	}

	private static void replace(Path file, String from, String to) throws IOException {
		Files.writeString(file, Files.readString(file).replace(from, to));
	}

}
