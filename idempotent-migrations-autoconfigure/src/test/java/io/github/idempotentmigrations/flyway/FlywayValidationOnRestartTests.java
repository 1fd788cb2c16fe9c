package io.github.idempotentmigrations.flyway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.onLocation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A restart with nothing pending runs Flyway's migrate where Flyway's validation refuses
 * a migration, so startup stops as plain Flyway's does (a migration it ignores, one
 * renamed since it was applied), and only there: where Flyway's migrate would pass, a
 * restart does not run it for nothing.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class FlywayValidationOnRestartTests {

	@Test
	void aMigrationBelowTheAppliedVersionStopsARestartAsFlywaysValidationDoes(TestDatabase db) {
		Flyway.configure()
			.dataSource(db.dataSource())
			.locations("classpath:db/startup/ignored-before")
			.load()
			.migrate();
		assertThatExceptionOfType(FlywayException.class).as("plain Flyway")
			.isThrownBy(() -> Flyway.configure()
				.dataSource(db.dataSource())
				.locations("classpath:db/startup/ignored-after")
				.load()
				.migrate())
			.withMessageContaining("not applied");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		on(db, "ignored-after").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("not applied"));
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	/**
	 * Ignored migrations the application lets pass ({@code *:ignored}): plain Flyway's
	 * migrate has nothing to do, and a restart does not run it for nothing.
	 */
	@Test
	void anIgnoredMigrationTheApplicationLetsPassStartsWithoutFlywaysMigrate(TestDatabase db) {
		Flyway.configure()
			.dataSource(db.dataSource())
			.locations("classpath:db/startup/ignored-before")
			.load()
			.migrate();
		Flyway.configure()
			.dataSource(db.dataSource())
			.locations("classpath:db/startup/ignored-after")
			.ignoreMigrationPatterns("*:ignored")
			.load()
			.migrate();
		List<Event> migrates = new ArrayList<>();
		on(db, "ignored-after", "spring.flyway.ignore-migration-patterns=*:ignored")
			.withBean(Callback.class, () -> new MigrateWatcher(migrates))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(migrates).isEmpty();
		// the watcher sees a migrate where Flyway would refuse
		on(db, "ignored-after").withBean(Callback.class, () -> new MigrateWatcher(migrates))
			.run((context) -> assertThat(context).hasFailed());
		assertThat(migrates).containsExactly(Event.BEFORE_VALIDATE);
	}

	/**
	 * A migration renamed after it was applied (same content, another description) is one
	 * Flyway's validation refuses until the history is repaired: a restart with nothing
	 * pending stops as plain Flyway does, and changes nothing.
	 */
	@Test
	void aMigrationRenamedAfterItWasAppliedStopsARestartAsFlywaysValidationDoes(TestDatabase db, @TempDir Path folder)
			throws IOException {
		Files.writeString(folder.resolve("V1__create_accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY);");
		String location = "filesystem:" + folder;
		onLocation(db, location).run((context) -> assertThat(context).hasNotFailed());
		Files.move(folder.resolve("V1__create_accounts.sql"), folder.resolve("V1__make_accounts.sql"));
		assertThatExceptionOfType(FlywayException.class).as("plain Flyway")
			.isThrownBy(() -> Flyway.configure().dataSource(db.dataSource()).locations(location).load().migrate())
			.withMessageContaining("description mismatch");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		onLocation(db, location).run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("description mismatch"));
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	/**
	 * A baseline migration added after later versions were applied is one Flyway ignores
	 * without refusing it.
	 */
	@Test
	void aBaselineMigrationAddedBelowTheAppliedVersionStartsWithoutFlywaysMigrate(TestDatabase db, @TempDir Path folder)
			throws IOException {
		Files.writeString(folder.resolve("V1__create_accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY);");
		Files.writeString(folder.resolve("V2__add_name.sql"), "ALTER TABLE accounts ADD COLUMN name text;");
		Files.writeString(folder.resolve("V3__add_email.sql"), "ALTER TABLE accounts ADD COLUMN email text;");
		onLocation(db, "filesystem:" + folder).run((context) -> assertThat(context).hasNotFailed());
		Files.writeString(folder.resolve("B2__baseline.sql"),
				"CREATE TABLE accounts (id bigint PRIMARY KEY, name text);");
		assertRestartRunsNoFlywayMigrate(db, "filesystem:" + folder);
	}

	/**
	 * A baseline migration at the newest applied version, as teams add one to build new
	 * databases faster: Flyway's migrate applies it only to an empty schema.
	 */
	@Test
	void aBaselineMigrationAtTheAppliedVersionStartsWithoutFlywaysMigrate(TestDatabase db, @TempDir Path folder)
			throws IOException {
		Files.writeString(folder.resolve("V1__create_accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY);");
		Files.writeString(folder.resolve("V2__add_name.sql"), "ALTER TABLE accounts ADD COLUMN name text;");
		onLocation(db, "filesystem:" + folder).run((context) -> assertThat(context).hasNotFailed());
		Files.writeString(folder.resolve("B2__baseline.sql"),
				"CREATE TABLE accounts (id bigint PRIMARY KEY, name text);");
		assertRestartRunsNoFlywayMigrate(db, "filesystem:" + folder);
	}

	/**
	 * Flyway records a description of more than 200 characters abbreviated, and compares
	 * it so.
	 */
	@Test
	void aLongDescriptionStartsWithoutFlywaysMigrate(TestDatabase db, @TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("V1__create_accounts_" + "x".repeat(200) + ".sql"),
				"CREATE TABLE accounts (id bigint PRIMARY KEY);");
		onLocation(db, "filesystem:" + folder).run((context) -> assertThat(context).hasNotFailed());
		assertRestartRunsNoFlywayMigrate(db, "filesystem:" + folder);
	}

	/**
	 * Flyway checks neither migrations at or below the applied baseline nor those an
	 * ignore pattern matches, whatever their state.
	 */
	@Test
	void aRenameFlywayDoesNotCheckStartsWithoutFlywaysMigrate(TestDatabase db, @TempDir Path folder)
			throws IOException {
		Files.writeString(folder.resolve("B1__base.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY);");
		Files.writeString(folder.resolve("V2__add_name.sql"), "ALTER TABLE accounts ADD COLUMN name text;");
		onLocation(db, "filesystem:" + folder).run((context) -> assertThat(context).hasNotFailed());
		Files.move(folder.resolve("B1__base.sql"), folder.resolve("B1__baseline.sql"));
		assertRestartRunsNoFlywayMigrate(db, "filesystem:" + folder);
		Files.move(folder.resolve("V2__add_name.sql"), folder.resolve("V2__add_the_name.sql"));
		assertRestartRunsNoFlywayMigrate(db, "filesystem:" + folder, "*:*");
	}

	/**
	 * Plain Flyway's migrate passes; a restart with the starter starts without running
	 * it, and changes nothing.
	 */
	private static void assertRestartRunsNoFlywayMigrate(TestDatabase db, String location, String... ignorePatterns) {
		FluentConfiguration plain = Flyway.configure().dataSource(db.dataSource()).locations(location);
		if (ignorePatterns.length > 0) {
			plain.ignoreMigrationPatterns(ignorePatterns);
		}
		plain.load().migrate();
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		List<Event> migrates = new ArrayList<>();
		onLocation(db, location,
				(ignorePatterns.length > 0)
						? new String[] { "spring.flyway.ignore-migration-patterns=" + String.join(",", ignorePatterns) }
						: new String[0])
			.withBean(Callback.class, () -> new MigrateWatcher(migrates))
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(migrates).isEmpty();
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	/**
	 * Sees Flyway's migrate begin with its validation; one of the starter's own
	 * callbacks, so it doesn't make a restart run Flyway's migrate by itself.
	 */
	private record MigrateWatcher(List<Event> events) implements StarterCallback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.BEFORE_VALIDATE;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			this.events.add(event);
		}

		@Override
		public String getCallbackName() {
			return "migrate watcher";
		}

	}

}
