package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.flyway.MigratingApplication.failure;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * INVALID indexes while indexes are being built: the progress view lists the builds of
 * every database of the server, and shows another role's build without its index.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class InvalidIndexReviewTests {

	private static final String FAIL = "idempotent-migrations.repair.invalid-indexes=fail";

	/**
	 * The application's role sees another role's build in the progress view, without its
	 * index (unless it may read all statistics): that index is still left to the session
	 * building it.
	 */
	@Test
	void anIndexAnotherRoleIsBuildingRightNowIsLeftToItEvenWithPolicyFail(TestDatabase db) throws Exception {
		plainFlyway(db, "concurrent-index", "latest");
		String role = applicationRole(db);
		// the build is the server's own user's
		try (HeldIndexBuild build = HeldIndexBuild.start(db, "accounts",
				"CREATE INDEX CONCURRENTLY accounts_id_email_idx ON accounts (id, email)")) {
			on(db, "concurrent-index", FAIL, "spring.datasource.username=" + role, "spring.datasource.password=" + role)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context.getBean(MigrationReportStore.class).last().orElseThrow().warnings()).isEmpty();
				});
		}
		assertThat(
				db.query("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'accounts_id_email_idx'::regclass"))
			.containsExactly("true");
	}

	/**
	 * While another role builds an index (shown to the application's role with a null
	 * index), an INVALID index left by hand is still found: policy fail stops startup.
	 */
	@Test
	void anInvalidIndexIsStillFoundWhileAnotherRoleBuildsOne(TestDatabase db) throws Exception {
		StartingStates.invalidIndexOfAppliedMigration(db);
		String role = applicationRole(db);
		db.execute("CREATE TABLE other_work (id int)");
		try (HeldIndexBuild build = HeldIndexBuild.start(db, "other_work",
				"CREATE INDEX CONCURRENTLY other_work_idx ON other_work (id)")) {
			on(db, "concurrent-index", FAIL, "spring.datasource.username=" + role, "spring.datasource.password=" + role)
				.run((context) -> assertThat(failure(context).getMessage())
					.contains("Index public.accounts_email_key on public.accounts is INVALID"));
		}
	}

	/**
	 * An INVALID leftover on a table another role is building on cannot be told from that
	 * build at inspection; when the build ends while the migrations run, the leftover is
	 * no migration's doing: startup goes on (it is reported at the next inspection).
	 */
	@Test
	void aBuildThatEndsWhileMigrationsRunLeavesNoProblemBehind(TestDatabase db) throws Exception {
		plainFlyway(db, "slow-second", "1");
		StartingStates.invalidIndexByHand(db, "accounts",
				"CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email)");
		String role = applicationRole(db);
		ScheduledExecutorService ender = Executors.newSingleThreadScheduledExecutor();
		try {
			HeldIndexBuild build = HeldIndexBuild.start(db, "accounts",
					"CREATE INDEX CONCURRENTLY accounts_id_idx ON accounts (id)");
			Future<?> ended = ender.schedule(() -> {
				build.close();
				return null;
			}, 700, TimeUnit.MILLISECONDS);
			on(db, "slow-second", "spring.datasource.username=" + role, "spring.datasource.password=" + role)
				.run((context) -> assertThat(context).hasNotFailed());
			ended.get(30, TimeUnit.SECONDS);
		}
		finally {
			ender.shutdownNow();
		}
		assertThat(db.query("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
			.containsExactly("1", "2");
		assertThat(db.query("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'accounts_id_idx'::regclass"))
			.containsExactly("true");
	}

	/**
	 * A REINDEX CONCURRENTLY builds a new index beside the old one ({@code _ccnew}),
	 * INVALID until it is swapped in, while the progress view names the old one: both are
	 * left to it, also with policy fail.
	 */
	@Test
	void theIndexAReindexConcurrentlyBuildsIsLeftToIt(TestDatabase db) throws Exception {
		StartingStates.invalidIndexOfAppliedMigration(db);
		ExecutorService reindexer = Executors.newSingleThreadExecutor();
		try (Connection writer = db.connect(); Statement statement = writer.createStatement()) {
			writer.setAutoCommit(false);
			statement.execute("INSERT INTO accounts VALUES (10, 'writer@example.com')");
			Future<?> reindex = reindexer.submit(() -> db.execute("REINDEX INDEX CONCURRENTLY accounts_email_key"));
			while (db.query("SELECT 1 FROM pg_class WHERE relname = 'accounts_email_key_ccnew'").isEmpty()) {
				Thread.sleep(20);
			}
			on(db, "concurrent-index", FAIL).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MigrationReportStore.class).last().orElseThrow().warnings()).isEmpty();
			});
			writer.rollback();
			reindex.get(30, TimeUnit.SECONDS);
		}
		finally {
			reindexer.shutdownNow();
		}
		assertThat(db.query("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'accounts_email_key'::regclass"))
			.containsExactly("true");
	}

	/**
	 * A pending migration creates an index whose INVALID namesake another role is
	 * building right now (shown to the application's role without its index or query):
	 * the migration waits for the build's lock on the table, and startup stops naming the
	 * session that builds an index there; the build goes on and finishes.
	 */
	@Test
	void aPendingMigrationWaitsForTheIndexAnotherRoleIsBuildingAndNamesTheBuild(TestDatabase db) throws Exception {
		plainFlyway(db, "concurrent-index", "1");
		String role = applicationRole(db);
		try (HeldIndexBuild build = HeldIndexBuild.start(db, "accounts",
				"CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email)")) {
			String buildPid = db
				.query("SELECT pid::text FROM pg_stat_progress_create_index WHERE datname = current_database()")
				.get(0);
			on(db, "concurrent-index", "spring.datasource.username=" + role, "spring.datasource.password=" + role,
					"idempotent-migrations.connect.lock-timeout=200ms", "idempotent-migrations.connect.lock-retries=1")
				.run((context) -> assertThat(failure(context).getMessage()).contains(
						"lock wait reached the lock timeout",
						"pid " + buildPid + " (role " + db.user() + ", application 'PostgreSQL JDBC Driver',"
								+ " building an index): its state and query are hidden from this role"));
			assertThat(
					db.query("SELECT pid::text FROM pg_stat_progress_create_index WHERE datname = current_database()"))
				.containsExactly(buildPid);
		}
		assertThat(db.query("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'accounts_email_key'::regclass"))
			.containsExactly("true");
		assertThat(db.query("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank"))
			.containsExactly("1");
	}

	/**
	 * A REINDEX of the copy of an INVALID index in another database (same oid: both
	 * copied from one template) is not a build of this database's: the pending migration
	 * that creates the index rebuilds it here.
	 */
	@Test
	void aPendingMigrationRebuildsAnInvalidIndexWhoseCopyIsReindexedInAnotherDatabase(TestDatabase db)
			throws Exception {
		TestDatabase template = TestDatabase.create();
		plainFlyway(template, "concurrent-index", "1");
		invalidIndexOnASlowKey(template);
		ExecutorService builder = Executors.newSingleThreadExecutor();
		try (template;
				TestDatabase here = TestDatabase.copyOf(template);
				TestDatabase other = TestDatabase.copyOf(template)) {
			Future<?> reindex = slowReindexIn(other, builder);
			on(here, "concurrent-index").run((context) -> assertThat(context).hasNotFailed());
			assertThat(here.query("SELECT pg_get_indexdef(indexrelid) || ' ' || indisvalid FROM pg_index"
					+ " WHERE indexrelid = 'accounts_email_key'::regclass"))
				.containsExactly("CREATE UNIQUE INDEX accounts_email_key ON public.accounts USING btree (email) true");
			cancelBuildsIn(other, here, reindex);
		}
		finally {
			builder.shutdownNow();
		}
	}

	/**
	 * Leaves accounts_email_key INVALID, built on a function that is slow only where a
	 * session asks for it: a duplicate stops its unique build.
	 */
	private static void invalidIndexOnASlowKey(TestDatabase db) {
		db.execute("CREATE FUNCTION review_key(text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$"
				+ " BEGIN IF current_setting('review.slow', true) = 'on' THEN PERFORM pg_sleep(3); END IF;"
				+ " RETURN lower($1); END $$");
		db.execute("INSERT INTO accounts VALUES (3, 'ANN@example.com')");
		assertThatIllegalStateException().isThrownBy(() -> db
			.execute("CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (review_key(email))"));
	}

	/**
	 * Starts a slow REINDEX of accounts_email_key in {@code other}; returns once the
	 * progress view shows it with its index.
	 */
	private static Future<?> slowReindexIn(TestDatabase other, ExecutorService builder) throws InterruptedException {
		Future<?> reindex = builder.submit(() -> {
			try (Connection connection = other.connect(); Statement statement = connection.createStatement()) {
				statement.execute("SET review.slow = 'on'");
				statement.execute("REINDEX INDEX accounts_email_key");
			}
			return null;
		});
		while (other
			.query("SELECT 1 FROM pg_stat_progress_create_index WHERE datname = '" + other.name()
					+ "' AND index_relid <> 0")
			.isEmpty()) {
			Thread.sleep(20);
		}
		return reindex;
	}

	private static void cancelBuildsIn(TestDatabase other, TestDatabase from, Future<?> reindex) {
		from.query("SELECT pg_cancel_backend(pid)::text FROM pg_stat_progress_create_index WHERE datname = '"
				+ other.name() + "'");
		try {
			reindex.get(30, TimeUnit.SECONDS);
		}
		catch (Exception cancelled) {
			// the REINDEX is cancelled (or fails on the duplicate)
		}
	}

	/**
	 * Another role's REINDEX (not concurrent) of an INVALID index is shown to the
	 * application's role without its index, and takes no lock a concurrent build takes on
	 * the table: the lock it holds on the index itself says which index it is rebuilding.
	 */
	@Test
	void anIndexAnotherRoleReindexesRightNowIsLeftToItEvenWithPolicyFail(TestDatabase db) throws Exception {
		plainFlyway(db, "concurrent-index", "latest");
		db.execute("DROP INDEX accounts_email_key");
		invalidIndexOnASlowKey(db);
		String role = applicationRole(db);
		ExecutorService reindexer = Executors.newSingleThreadExecutor();
		try {
			Future<?> reindex = slowReindexIn(db, reindexer);
			on(db, "concurrent-index", FAIL, "spring.datasource.username=" + role, "spring.datasource.password=" + role)
				.run((context) -> assertThat(context).hasNotFailed());
			cancelBuildsIn(db, db, reindex);
		}
		finally {
			reindexer.shutdownNow();
		}
	}

	/**
	 * Another role's build of an index on another table, in a transaction that read this
	 * table (planning locks every index of it, the INVALID one too): it is not a rebuild
	 * of that index, which policy fail still stops on.
	 */
	@Test
	void aBuildWhoseTransactionReadTheTableIsNotARebuildOfItsInvalidIndex(TestDatabase db) throws Exception {
		StartingStates.invalidIndexOfAppliedMigration(db);
		String role = applicationRole(db);
		db.execute("CREATE TABLE other_work (id int)");
		db.execute("INSERT INTO other_work SELECT g FROM generate_series(1, 3) g");
		db.execute("CREATE FUNCTION review_slow(int) RETURNS int LANGUAGE plpgsql IMMUTABLE AS $$"
				+ " BEGIN PERFORM pg_sleep(3); RETURN $1; END $$");
		ExecutorService builder = Executors.newSingleThreadExecutor();
		try {
			Future<?> build = builder.submit(() -> {
				try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
					connection.setAutoCommit(false);
					statement.execute("SELECT count(*) FROM accounts WHERE email = 'x'");
					statement.execute("CREATE INDEX other_work_idx ON other_work (review_slow(id))");
					connection.rollback();
				}
				return null;
			});
			while (db.query("SELECT 1 FROM pg_stat_progress_create_index WHERE datname = current_database()")
				.isEmpty()) {
				Thread.sleep(20);
			}
			on(db, "concurrent-index", FAIL, "spring.datasource.username=" + role, "spring.datasource.password=" + role)
				.run((context) -> assertThat(failure(context).getMessage())
					.contains("Index public.accounts_email_key on public.accounts is INVALID"));
			cancelBuildsIn(db, db, build);
		}
		finally {
			builder.shutdownNow();
		}
	}

	/**
	 * A role of the application's own, owning what it migrates, without the right to read
	 * other roles' statistics.
	 */
	private static String applicationRole(TestDatabase db) {
		String role = "r_" + db.name();
		db.execute("CREATE ROLE " + role + " LOGIN CREATEDB PASSWORD '" + role + "'");
		db.execute("GRANT CREATE ON DATABASE " + db.name() + " TO " + role);
		db.execute("GRANT ALL ON SCHEMA public TO " + role);
		db.execute("ALTER TABLE accounts OWNER TO " + role);
		db.execute("ALTER TABLE flyway_schema_history OWNER TO " + role);
		return role;
	}

	/**
	 * Databases copied from one template share their relations' oids: a REINDEX of the
	 * copy of an index in another database shows that oid in the progress view, and must
	 * not hide this database's INVALID index.
	 */
	@Test
	void aReindexInAnotherDatabaseDoesNotHideAnInvalidIndexHere(TestDatabase db) throws Exception {
		TestDatabase template = TestDatabase.create();
		plainFlyway(template, "concurrent-index", "2");
		template.execute("DROP INDEX accounts_email_key");
		invalidIndexOnASlowKey(template);
		ExecutorService builder = Executors.newSingleThreadExecutor();
		try (template;
				TestDatabase here = TestDatabase.copyOf(template);
				TestDatabase other = TestDatabase.copyOf(template)) {
			String oid = "SELECT 'accounts_email_key'::regclass::oid::text";
			assertThat(here.query(oid)).isEqualTo(other.query(oid));
			assertThat(here
				.query("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'accounts_email_key'::regclass"))
				.containsExactly("false");
			Future<?> reindex = slowReindexIn(other, builder);
			on(here, "concurrent-index", FAIL).run((context) -> assertThat(failure(context).getMessage())
				.contains("Index public.accounts_email_key on public.accounts is INVALID"));
			cancelBuildsIn(other, here, reindex);
		}
		finally {
			builder.shutdownNow();
		}
	}

}
