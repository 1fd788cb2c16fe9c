package io.github.idempotentmigrations.flyway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static io.github.idempotentmigrations.flyway.MigratingApplication.onLocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Cases an adversarial review of "repair from facts" reproduced on a real PostgreSQL: a
 * person's word that would apply a data statement twice or never, a journal a migration's
 * own {@code SET search_path} moved or skipped, history rows that could not be ranked,
 * and a callback script that a shadow ran. Each states what a correct run leaves.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class RepairFromFactsReviewTests {

	private static final String MIXED = "spring.flyway.mixed=true";

	private static final String V1_ACCOUNTS = """
			CREATE TABLE accounts (id integer PRIMARY KEY, cents bigint NOT NULL, bonus integer NOT NULL DEFAULT 0,
			                       d integer NOT NULL, u integer);
			INSERT INTO accounts (id, cents, d, u) VALUES (1, 5, 0, 1), (2, 7, 1, 1);
			""";

	// Statement 2 fails on d = 0 (division by zero); statement 3 fails on the duplicate
	// u.
	private static final String V2_THREE_STEPS = """
			UPDATE accounts SET cents = cents * 100;
			UPDATE accounts SET bonus = bonus + 10 / d;
			CREATE UNIQUE INDEX CONCURRENTLY accounts_u ON accounts (u);
			""";

	/**
	 * resume-after left in place (as a person leaves a property in
	 * application.properties) after a second failure of the same migration overrides what
	 * the journal recorded in between: a committed UPDATE runs again.
	 */
	@Test
	void aResumeAfterLeftInPlaceYieldsToTheJournal(TestDatabase db, @TempDir Path dir) {
		Path set = write(dir, "V1__accounts.sql", V1_ACCOUNTS, "V2__three_steps.sql", V2_THREE_STEPS);
		failUnderPlainFlyway(db, set); // statement 1 committed, statement 2 failed
		db.execute("UPDATE accounts SET d = 1");
		String word = "idempotent-migrations.repair.resume-after[2]=1";

		// statement 2 commits (journaled), statement 3 fails on the duplicates
		onLocation(db, "filesystem:" + set, MIXED, word).run((context) -> assertThat(context).hasFailed());
		assertThat(db.query("SELECT cents || ':' || bonus FROM accounts ORDER BY id")).containsExactly("500:10",
				"700:10");
		db.execute("UPDATE accounts SET u = id");

		// same configuration, next deploy
		onLocation(db, "filesystem:" + set, MIXED, word).run((context) -> {
		});

		assertThat(db.query("SELECT cents || ':' || bonus FROM accounts ORDER BY id"))
			.as("statement 2 committed once (journal) and must not run again")
			.containsExactly("500:10", "700:10");
	}

	/**
	 * resume-after beyond the migration's statements takes the failed statement as
	 * committed: it never runs.
	 */
	@Test
	void resumeAfterBeyondTheStatementCountIsRefused(TestDatabase db, @TempDir Path dir) {
		Path set = write(dir, "V1__accounts.sql", V1_ACCOUNTS, "V2__three_steps.sql", V2_THREE_STEPS);
		failUnderPlainFlyway(db, set);
		db.execute("UPDATE accounts SET d = 1, u = id");

		onLocation(db, "filesystem:" + set, MIXED, "idempotent-migrations.repair.resume-after[2]=7")
			.run((context) -> assertThat(context).as("V2 has 3 statements: 7 cannot be where it stopped").hasFailed());

		assertThat(db.query("SELECT bonus FROM accounts ORDER BY id")).containsExactly("0", "0");
		assertThat(db.query("SELECT version || ':' || success FROM flyway_schema_history ORDER BY installed_rank"))
			.containsExactly("1:true", "2:false");
	}

	/**
	 * A negative resume-after is taken as 0: V2 runs from the start and its committed
	 * UPDATE runs twice.
	 */
	@Test
	void negativeResumeAfterIsRefused(TestDatabase db, @TempDir Path dir) {
		Path set = write(dir, "V1__accounts.sql", V1_ACCOUNTS, "V2__three_steps.sql", V2_THREE_STEPS);
		failUnderPlainFlyway(db, set);
		db.execute("UPDATE accounts SET d = 1, u = id");

		onLocation(db, "filesystem:" + set, MIXED, "idempotent-migrations.repair.resume-after[2]=-1")
			.run((context) -> assertThat(context).as("-1 is no statement number").hasFailed());

		assertThat(db.query("SELECT cents FROM accounts ORDER BY id")).containsExactly("500", "700");
	}

	/**
	 * The starter's own journal (no person's word): a committed {@code SET search_path}
	 * is skipped on resume, so the statements after it run against another schema than
	 * the one they ran against the first time.
	 */
	@Test
	void aCommittedSetSearchPathIsNotSkippedOnResume(TestDatabase db, @TempDir Path dir) {
		Path set = write(dir, "V1__app.sql", """
				CREATE SCHEMA app;
				CREATE TABLE app.accounts (id integer PRIMARY KEY, cents bigint NOT NULL, u integer);
				INSERT INTO app.accounts VALUES (1, 5, 1), (2, 7, 1);
				CREATE TABLE public.accounts (id integer PRIMARY KEY, cents bigint NOT NULL, u integer);
				""", "V2__cents_and_unique.sql", """
				SET search_path TO app;
				UPDATE accounts SET cents = cents * 100;
				CREATE UNIQUE INDEX CONCURRENTLY accounts_u ON accounts (u);
				""");
		String schemas = "spring.flyway.schemas=public";
		onLocation(db, "filesystem:" + set, MIXED, schemas).run((context) -> assertThat(context).hasFailed());
		assertThat(db.query("SELECT cents FROM app.accounts ORDER BY id")).containsExactly("500", "700");
		db.execute("UPDATE app.accounts SET u = id");

		onLocation(db, "filesystem:" + set, MIXED, schemas).run((context) -> assertThat(context).hasNotFailed());

		assertThat(db.query("SELECT cents FROM app.accounts ORDER BY id")).containsExactly("500", "700");
		assertThat(db.query("SELECT indrelid::regclass::text || ':' || indisvalid FROM pg_index"
				+ " WHERE indexrelid::regclass::text LIKE '%accounts_u' ORDER BY 1"))
			.as("the unique index V2 builds, valid, on the table it ran against, and none on public.accounts")
			.containsExactly("app.accounts:true");
	}

	/**
	 * Without spring.flyway.schemas the journal table name is unqualified: a migration's
	 * own SET search_path puts the journal in the user's schema, where the starter's
	 * check does not look: the stop says "without a journal".
	 */
	@Test
	void theJournalStaysBesideTheHistoryWhenAMigrationSetsSearchPath(TestDatabase db, @TempDir Path dir) {
		Path set = write(dir, "V1__app.sql", """
				CREATE SCHEMA app;
				CREATE TABLE app.accounts (id integer PRIMARY KEY, cents bigint NOT NULL, u integer);
				INSERT INTO app.accounts VALUES (1, 5, 1), (2, 7, 1);
				""", "V2__cents_and_unique.sql", """
				SET search_path TO app;
				UPDATE accounts SET cents = cents * 100;
				CREATE UNIQUE INDEX CONCURRENTLY accounts_u ON accounts (u);
				""");
		onLocation(db, "filesystem:" + set, MIXED).run((context) -> assertThat(context).hasFailed());

		assertThat(db.query("SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE c.relname = 'flyway_schema_history_statements'"))
			.containsExactly("public");
	}

	/**
	 * assume-applied copies the shadow's history rows with the shadow's installed_rank:
	 * with a repeatable migration applied here, the rank is taken and the rows cannot be
	 * written.
	 */
	@Test
	void assumeAppliedWithARepeatableMigrationWritesTheRows(TestDatabase db, @TempDir Path dir) {
		Path set = write(dir, "V1__a.sql", "CREATE TABLE a (id integer PRIMARY KEY);\n", "R__view.sql",
				"CREATE OR REPLACE VIEW a_ids AS SELECT id FROM a;\n", "V2__b.sql",
				"CREATE TABLE b (id integer PRIMARY KEY);\n");
		Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + set).target("1").load().migrate();
		assertThat(db.query(
				"SELECT installed_rank || ':' || coalesce(version, script) FROM flyway_schema_history" + " ORDER BY 1"))
			.containsExactly("1:1", "2:R__view.sql");
		db.execute("CREATE TABLE b (id integer PRIMARY KEY)"); // V2 ran by hand

		onLocation(db, "filesystem:" + set, "idempotent-migrations.repair.assume-applied=2")
			.run((context) -> assertThat(context).hasNotFailed());

		assertThat(db.query("SELECT version FROM flyway_schema_history WHERE version = '2' AND success"))
			.containsExactly("2");
	}

	/**
	 * A shadow runs SQL only: a script callback (afterMigrate.sh) in the locations is
	 * code too. It runs once for the application's database, as plain Flyway's migrate
	 * with nothing pending runs it, and not again for the shadow.
	 */
	@Test
	void aShadowDoesNotRunAScriptCallback(TestDatabase db, @TempDir Path dir) throws IOException {
		Path marker = dir.resolve("marker");
		Path set = Files.createDirectories(dir.resolve("set"));
		write(set, "V1__a.sql", "CREATE TABLE a (id integer PRIMARY KEY);\n", "afterMigrate.sh",
				"#!/bin/sh\necho ran >> " + marker + "\n");
		set.resolve("afterMigrate.sh").toFile().setExecutable(true);
		Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + set).load().migrate();
		assertThat(Files.readAllLines(marker)).as("plain Flyway runs the callback").containsExactly("ran");
		Files.delete(marker);

		// the team adds the starter: nothing pending; the first start records the
		// expected schema on a shadow
		onLocation(db, "filesystem:" + set).run((context) -> assertThat(context).hasNotFailed());

		assertThat(Files.readAllLines(marker)).as("once for the database, never for the shadow").containsExactly("ran");
	}

	private static void failUnderPlainFlyway(TestDatabase db, Path set) {
		Flyway flyway = Flyway.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + set)
			.mixed(true)
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load();
		assertThatExceptionOfType(FlywayException.class).isThrownBy(flyway::migrate);
		assertThat(db.query("SELECT cents || ':' || bonus FROM accounts ORDER BY id")).containsExactly("500:0",
				"700:0");
	}

	private static Path write(Path dir, String... namesAndTexts) {
		try {
			for (int i = 0; i < namesAndTexts.length; i += 2) {
				Files.writeString(dir.resolve(namesAndTexts[i]), namesAndTexts[i + 1]);
			}
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
