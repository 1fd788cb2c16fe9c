package io.github.idempotentmigrations.flyway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
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

/**
 * Flyway runs its migrate callbacks on every migrate, also when nothing is pending (an
 * {@code afterMigrate.sql} that grants, a callback bean): a restart with the starter runs
 * them as plain Flyway does.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class CallbacksOnRestartTests {

	private static final String RUNS = "SELECT event FROM callback_runs ORDER BY id";

	@Test
	void scriptCallbacksRunOnARestartWithNothingPendingAsPlainFlywayRunsThem(TestDatabase db) {
		assertThat(startedTwice(db, "after-migrate-callback")).containsExactly("beforeMigrate", "afterMigrate",
				"beforeMigrate", "afterMigrate");
	}

	/**
	 * Flyway fires afterVersioned on every migrate too, and finds callback scripts in a
	 * location's subfolders.
	 */
	@Test
	void anAfterVersionedScriptInASubfolderRunsOnARestart(TestDatabase db) {
		assertThat(startedTwice(db, "after-versioned-callback")).containsExactly("afterVersioned", "afterVersioned");
	}

	/**
	 * On a restart, drift repair comes first, as on a run with pending migrations: an
	 * afterMigrate that grants on every table grants on the re-created one too.
	 */
	@Test
	void anAfterMigrateCallbackRunsAfterDriftRepair(TestDatabase db) {
		on(db, "drift-grant-callback").run((context) -> assertThat(context).hasNotFailed());
		db.execute("DROP TABLE orders");
		on(db, "drift-grant-callback", "idempotent-migrations.repair.drift=repair")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(db.query("SELECT has_table_privilege('public', 'public.orders', 'SELECT')::text"))
			.containsExactly("true");
	}

	/**
	 * Whether a restart runs Flyway's migrate for callback scripts follows where Flyway
	 * reads them (callback locations too) and whether it runs SQL ones at all.
	 */
	@Test
	void theScriptsThatCountAreTheOnesFlywayRuns() {
		FluentConfiguration withCallbackLocation = Flyway.configure()
			.locations("classpath:db/startup/concurrent-index")
			.callbackLocations("classpath:db/startup/after-versioned-callback/callbacks");
		assertThat(
				ApplicationCallbacks.anyFor(withCallbackLocation, ApplicationCallbacks.ON_MIGRATE_WITH_NOTHING_PENDING))
			.isTrue();
		assertThat(ApplicationCallbacks.anyFor(withCallbackLocation.skipDefaultCallbacks(true),
				ApplicationCallbacks.ON_MIGRATE_WITH_NOTHING_PENDING))
			.isFalse();
		assertThat(ApplicationCallbacks.anyFor(Flyway.configure().locations("classpath:db/startup/concurrent-index"),
				ApplicationCallbacks.ON_MIGRATE_WITH_NOTHING_PENDING))
			.isFalse();
	}

	/**
	 * Flyway runs a callback file as SQL (its SQL suffixes, in any case) or as a program
	 * (cmd, bat, ps1, py, sh, bash, or no extension outside Windows), and ignores any
	 * other, such as notes beside the scripts.
	 */
	@Test
	void onlyFilesFlywayRunsAsCallbacksCount(@TempDir Path folder) throws IOException {
		Files.writeString(folder.resolve("V1__create_accounts.sql"), "CREATE TABLE accounts (id bigint PRIMARY KEY);");
		Files.writeString(folder.resolve("afterMigrate.txt"), "run the report after migrating");
		Files.writeString(folder.resolve("beforeMigrate.md"), "# notes");
		FluentConfiguration configuration = Flyway.configure().locations("filesystem:" + folder);
		assertThat(ApplicationCallbacks.anyFor(configuration, ApplicationCallbacks.ON_MIGRATE_WITH_NOTHING_PENDING))
			.isFalse();
		Files.writeString(folder.resolve("afterMigrate__notify.SH"), "echo migrated");
		assertThat(ApplicationCallbacks.anyFor(configuration, ApplicationCallbacks.ON_MIGRATE_WITH_NOTHING_PENDING))
			.isTrue();
		Files.delete(folder.resolve("afterMigrate__notify.SH"));
		Files.writeString(folder.resolve("afterMigrate.SQL"), "SELECT 1;");
		assertThat(ApplicationCallbacks.anyFor(configuration, ApplicationCallbacks.ON_MIGRATE_WITH_NOTHING_PENDING))
			.isTrue();
		Files.delete(folder.resolve("afterMigrate.SQL"));
		Files.writeString(folder.resolve("afterMigrate.pg.sql"), "SELECT 1;");
		assertThat(ApplicationCallbacks.anyFor(configuration.sqlMigrationSuffixes(".pg.sql"),
				ApplicationCallbacks.ON_MIGRATE_WITH_NOTHING_PENDING))
			.isTrue();
	}

	/**
	 * A jar built without directory entries: its class loader finds no folder for the
	 * location, and Flyway then reads the jars of a {@link URLClassLoader} entry by
	 * entry. The starter finds the callback there too, so a restart runs it as Flyway
	 * does.
	 */
	@Test
	void aCallbackScriptInAJarWithoutDirectoryEntriesRunsOnARestart(TestDatabase db, @TempDir Path folder)
			throws IOException {
		Path jar = jarWithoutDirectoryEntries(folder.resolve("migrations.jar"), "db/jarred/afterMigrate.sql");
		assertRestartsRunTheCallbackAsFlywayDoes(db, jar.toUri().toURL());
	}

	/**
	 * Read entry by entry, Flyway keeps every name that starts with the location's path:
	 * a folder beside it whose name begins the same holds callbacks too.
	 */
	@Test
	void aCallbackScriptInAFolderWhoseNameStartsLikeTheLocationsRunsOnARestart(TestDatabase db, @TempDir Path folder)
			throws IOException {
		Path jar = jarWithoutDirectoryEntries(folder.resolve("migrations.jar"), "db/jarred-callbacks/afterMigrate.sql");
		assertRestartsRunTheCallbackAsFlywayDoes(db, jar.toUri().toURL());
	}

	/** A class loader may be given a jar by a relative URL; Flyway reads it. */
	@Test
	void aCallbackScriptInAJarGivenByARelativeUrlRunsOnARestart(TestDatabase db, @TempDir Path folder)
			throws IOException {
		Path jar = jarWithoutDirectoryEntries(folder.resolve("migrations.jar"), "db/jarred/afterMigrate.sql");
		Path relative = Path.of("").toAbsolutePath().relativize(jar);
		assertRestartsRunTheCallbackAsFlywayDoes(db, new URL("file:" + relative.toString().replace('\\', '/')));
	}

	/**
	 * Starts plain Flyway twice, then the starter twice, on migrations in
	 * {@code classpath:db/jarred} of a jar without directory entries: the callback runs
	 * on every start of both.
	 */
	private static void assertRestartsRunTheCallbackAsFlywayDoes(TestDatabase db, URL jar) throws IOException {
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar },
				CallbacksOnRestartTests.class.getClassLoader())) {
			assertThat(loader.getResource("db/jarred")).isNull();
			List<String> plain;
			try (TestDatabase reference = TestDatabase.create()) {
				for (int start = 0; start < 2; start++) {
					Flyway.configure(loader)
						.dataSource(reference.dataSource())
						.locations("classpath:db/jarred")
						.load()
						.migrate();
				}
				plain = reference.query(RUNS);
			}
			for (int start = 0; start < 2; start++) {
				onLocation(db, "classpath:db/jarred").withClassLoader(loader)
					.run((context) -> assertThat(context).hasNotFailed());
			}
			assertThat(plain).containsExactly("afterMigrate", "afterMigrate");
			assertThat(db.query(RUNS)).isEqualTo(plain);
		}
	}

	/**
	 * A jar with a migration in db/jarred and an afterMigrate script at {@code callback}.
	 */
	private static Path jarWithoutDirectoryEntries(Path jar, String callback) throws IOException {
		Map<String, String> files = Map.of("db/jarred/V1__create_accounts.sql",
				"CREATE TABLE accounts (id bigint PRIMARY KEY);", callback,
				"CREATE TABLE IF NOT EXISTS callback_runs (id serial PRIMARY KEY, event text NOT NULL);"
						+ " INSERT INTO callback_runs (event) VALUES ('afterMigrate');");
		try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
			for (Map.Entry<String, String> entry : files.entrySet()) {
				out.putNextEntry(new JarEntry(entry.getKey()));
				out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return jar;
	}

	/**
	 * The events the scenario's callbacks recorded after two starts with the starter,
	 * checked against two plain Flyway migrates of the same scenario first.
	 */
	private static List<String> startedTwice(TestDatabase db, String scenario) {
		List<String> plain;
		try (TestDatabase reference = TestDatabase.create()) {
			for (int start = 0; start < 2; start++) {
				Flyway.configure()
					.dataSource(reference.dataSource())
					.locations("classpath:db/startup/" + scenario)
					.load()
					.migrate();
			}
			plain = reference.query(RUNS);
		}
		for (int start = 0; start < 2; start++) {
			on(db, scenario).run((context) -> assertThat(context).hasNotFailed());
		}
		assertThat(db.query(RUNS)).isEqualTo(plain);
		return plain;
	}

	@Test
	void aCallbackBeanIsCalledOnARestartWithNothingPending(TestDatabase db) {
		List<Event> events = new ArrayList<>();
		Callback recorder = new Callback() {

			@Override
			public boolean supports(Event event, Context context) {
				return event == Event.BEFORE_MIGRATE || event == Event.AFTER_MIGRATE;
			}

			@Override
			public boolean canHandleInTransaction(Event event, Context context) {
				return true;
			}

			@Override
			public void handle(Event event, Context context) {
				events.add(event);
			}

			@Override
			public String getCallbackName() {
				return "recorder";
			}

		};
		for (int start = 0; start < 2; start++) {
			on(db, "concurrent-index").withBean(Callback.class, () -> recorder)
				.run((context) -> assertThat(context).hasNotFailed());
		}
		assertThat(events).containsExactly(Event.BEFORE_MIGRATE, Event.AFTER_MIGRATE, Event.BEFORE_MIGRATE,
				Event.AFTER_MIGRATE);
	}

}
