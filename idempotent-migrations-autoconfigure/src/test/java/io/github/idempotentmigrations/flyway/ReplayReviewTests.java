package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsAutoConfiguration;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.sql.StatementKind;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.idempotentmigrations.flyway.MigratingApplication.history;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cases an adversarial review of the one-savepoint engine reproduced (replay on a refusal
 * or skip notice, lock-wait retries, sequences set back): each compares the starter with
 * plain Flyway on the same starting state.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ReplayReviewTests {

	/**
	 * Empty database. V2 inserts into a table of a schema that is not on the search_path,
	 * then a DO block raises a NOTICE (any notice sends the migration back to its
	 * savepoint). The sequence of audit.log is not in the search_path's schemas, so it is
	 * not set back: the replayed INSERT takes id 2 where plain Flyway's took 1.
	 */
	@Test
	void aSequenceOutsideTheSearchPathIsAdvancedTwiceByAReplay(TestDatabase db) {
		List<String> plainRows;
		List<String> plainSequence;
		try (TestDatabase reference = TestDatabase.create()) {
			plainFlyway(reference, "r20-other-schema-seq", "latest");
			plainRows = reference.query("SELECT id || ':' || msg FROM audit.log ORDER BY id");
			plainSequence = reference.query("SELECT last_value || ':' || is_called FROM audit.log_id_seq");
		}
		on(db, "r20-other-schema-seq").run((context) -> {
			assertThat(context).hasNotFailed();
			System.out.println("REPORT other-schema-seq: "
					+ context.getBean(MigrationReportStore.class).last().orElseThrow().migrations());
		});
		assertThat(db.query("SELECT last_value || ':' || is_called FROM audit.log_id_seq")).isEqualTo(plainSequence);
		assertThat(db.query("SELECT id || ':' || msg FROM audit.log ORDER BY id")).isEqualTo(plainRows);
	}

	/**
	 * Live traffic: the application inserts customers while V2 waits for a lock on
	 * another table. The lock wait times out, the migration goes back to its savepoint
	 * and every sequence of the search_path that moved since V2's first statement is set
	 * back, including customers_id_seq, which only the application advanced. The next
	 * insert of the application then collides with an existing id. Plain Flyway never
	 * touches customers_id_seq.
	 */
	@Test
	void aLockRetrySetsBackASequenceTheApplicationAdvanced(TestDatabase db) throws Exception {
		plainFlyway(db, "r20-traffic", "1");
		ExecutorService threads = Executors.newFixedThreadPool(2);
		AtomicBoolean released = new AtomicBoolean();
		try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
			Future<?> traffic = threads.submit(() -> {
				try (Connection app = db.connect(); Statement insert = app.createStatement()) {
					while (!released.get()) {
						insert.execute("INSERT INTO customers (name) VALUES ('traffic')");
						Thread.sleep(20);
					}
				}
				return null;
			});
			threads.submit(() -> {
				while (db.query("SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'accounts'::regclass")
					.isEmpty()) {
					Thread.sleep(10);
				}
				Thread.sleep(1200);
				holder.commit();
				released.set(true);
				return null;
			});
			on(db, "r20-traffic", "idempotent-migrations.connect.lock-timeout=200ms",
					"idempotent-migrations.connect.lock-retries=20",
					"idempotent-migrations.connect.lock-retry-backoff=100ms")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
					assertThat(report.migrations().get(0).lockRetries()).isPositive();
				});
			traffic.get();
		}
		finally {
			threads.shutdownNow();
		}
		long maxId = Long.parseLong(db.query("SELECT max(id) FROM customers").get(0));
		long sequence = Long.parseLong(db.query("SELECT last_value FROM customers_id_seq").get(0));
		assertThat(sequence).as("customers_id_seq after the migration (max id %s)", maxId)
			.isGreaterThanOrEqualTo(maxId);
		// duplicate key when set back
		db.execute("INSERT INTO customers (name) VALUES ('after the deploy')");
	}

	/**
	 * A session-level advisory lock taken and released by the migration (balanced under
	 * plain Flyway): a NOTICE in between sends the migration back to its savepoint, which
	 * does not release a session lock, and the replay takes it a second time; the
	 * migration's one unlock leaves it held by the starter's session.
	 */
	@Test
	void aReplayTakesASessionAdvisoryLockTwice(TestDatabase db) {
		on(db, "r20-advisory").run((context) -> {
			assertThat(context).hasNotFailed();
			List<String> held = db
				.query("SELECT pid || ':' || granted FROM pg_locks WHERE locktype = 'advisory'" + " AND objid = 4242");
			assertThat(held).as("advisory lock 4242 still held after startup").isEmpty();
		});
		assertThat(db.query("SELECT id FROM t")).containsExactly("1");
	}

	/**
	 * The script's own savepoint: the replay's savepoint per statement releases it before
	 * its ROLLBACK TO.
	 */
	@Test
	void aScriptsOwnSavepointSurvivesTheReplay(TestDatabase db) {
		List<String> plainRows;
		try (TestDatabase reference = TestDatabase.create()) {
			plainFlyway(reference, "r20-user-savepoint", "latest");
			plainRows = reference.query("SELECT id FROM t ORDER BY id");
		}
		on(db, "r20-user-savepoint").run((context) -> assertThat(context).hasNotFailed());
		assertThat(db.query("SELECT id FROM t ORDER BY id")).isEqualTo(plainRows).containsExactly("2");
	}

	/**
	 * Pool of two: plain Boot + Flyway runs a Java migration bean that uses the
	 * application's DataSource (Flyway on one connection, the bean on the other). The
	 * starter must not need more.
	 */
	@Test
	void aJavaMigrationBeanOnTheApplicationsDataSourceWithAPoolOfThree(TestDatabase db) {
		String[] properties = { "spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + db.user(),
				"spring.datasource.password=" + db.password(),
				"spring.flyway.locations=classpath:db/startup/r20-java-pool",
				"spring.datasource.hikari.maximum-pool-size=3", "spring.datasource.hikari.connection-timeout=3000" };
		try (TestDatabase plain = TestDatabase.create()) {
			String[] plainProperties = properties.clone();
			plainProperties[0] = "spring.datasource.url=" + plain.jdbcUrl();
			plainProperties[1] = "spring.datasource.username=" + plain.user();
			plainProperties[2] = "spring.datasource.password=" + plain.password();
			new ApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
				.withPropertyValues(plainProperties)
				.withUserConfiguration(CreditMigration.class)
				.run((context) -> assertThat(context).hasNotFailed());
			assertThat(plain.query("SELECT balance FROM accounts")).containsExactly("100");
		}
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					IdempotentMigrationsAutoConfiguration.class))
			.withPropertyValues(properties)
			.withUserConfiguration(CreditMigration.class)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(db.query("SELECT balance FROM accounts")).containsExactly("100");
	}

	/**
	 * Plain Flyway up to V1, a hand-made change, then plain Flyway to the end: the
	 * reference state.
	 */
	private static List<String> plain(String scenario, String handMade, String query) {
		try (TestDatabase reference = TestDatabase.create()) {
			plainFlyway(reference, scenario, "1");
			if (handMade != null) {
				reference.execute(handMade);
			}
			plainFlyway(reference, scenario, "latest");
			return reference.query(query);
		}
	}

	private static void report(org.springframework.context.ApplicationContext context, String label) {
		context.getBean(MigrationReportStore.class)
			.last()
			.ifPresent(
					(report) -> report.migrations()
						.forEach((migration) -> System.out.println("REPORT " + label + " " + migration.version()
								+ " retries=" + migration.lockRetries() + " "
								+ migration.statements()
									.stream()
									.map((s) -> s.index() + ":" + s.kind() + ":" + s.object() + ":" + s.outcome() + ":"
											+ s.reason())
									.toList())));
	}

	private static final String ITEMS = "SELECT id || ':' || name || ':' || coalesce(note, '-') FROM items ORDER BY id";

	/**
	 * DROP/TRUNCATE ... CASCADE send NOTICEs: the migration is replayed; rows and
	 * sequence as plain Flyway.
	 */
	@Test
	void cascadeNoticesThenData(TestDatabase db) {
		String query = "SELECT id || ':' || msg FROM log ORDER BY id";
		List<String> expected = plain("r20-cascade", null, query);
		List<String> expectedSeq = plain("r20-cascade", null, "SELECT last_value FROM log_id_seq");
		plainFlyway(db, "r20-cascade", "1");
		on(db, "r20-cascade").run((context) -> {
			report(context, "cascade");
			assertThat(context).hasNotFailed();
		});
		assertThat(db.query(query)).isEqualTo(expected);
		assertThat(db.query("SELECT last_value FROM log_id_seq")).isEqualTo(expectedSeq);
		assertThat(db.query("SELECT count(*) FROM pg_views WHERE viewname = 'v'")).containsExactly("0");
	}

	/** An identifier longer than 63 characters: PostgreSQL truncates it with a NOTICE. */
	@Test
	void aTruncatedIdentifierNotice(TestDatabase db) {
		String query = "SELECT id || ':' || msg FROM log ORDER BY id";
		List<String> expected = plain("r20-long-name", null, query);
		plainFlyway(db, "r20-long-name", "1");
		on(db, "r20-long-name").run((context) -> {
			report(context, "long-name");
			assertThat(context).hasNotFailed();
		});
		assertThat(db.query(query)).isEqualTo(expected);
	}

	/**
	 * COPY in a transactional migration, then a notice: the COPY is not replayed, the
	 * rest is, once.
	 */
	@Test
	void copyThenANotice(TestDatabase db) {
		String hand = "ALTER TABLE items ADD COLUMN note text";
		List<String> expected = plain("r20-copy", hand, ITEMS);
		plainFlyway(db, "r20-copy", "1");
		db.execute(hand);
		on(db, "r20-copy").run((context) -> {
			report(context, "copy");
			assertThat(context).hasNotFailed();
		});
		assertThat(db.query(ITEMS)).isEqualTo(expected);
	}

	/** A script's own BEGIN/COMMIT, then a notice after the COMMIT. */
	@Test
	void ownTransactionThenANoticeAfterCommit(TestDatabase db) {
		String hand = "ALTER TABLE items ADD COLUMN note text";
		List<String> expected = plain("r20-own-tx", hand, ITEMS);
		plainFlyway(db, "r20-own-tx", "1");
		db.execute(hand);
		on(db, "r20-own-tx").run((context) -> {
			report(context, "own-tx");
			assertThat(context).hasNotFailed();
		});
		assertThat(db.query(ITEMS)).isEqualTo(expected);
	}

	/**
	 * SET LOCAL, set_config(.., true), a temp table and a setval in a DO block, before a
	 * notice.
	 */
	@Test
	void temporaryTableAndLocalSettingsBeforeANotice(TestDatabase db) {
		String hand = "ALTER TABLE items ADD COLUMN note text";
		String query = "SELECT id || ':' || name || ':' || coalesce(who, '-') FROM items ORDER BY id";
		List<String> expected = plain("r20-temp-setlocal", hand, query);
		List<String> expectedSeq = plain("r20-temp-setlocal", hand,
				"SELECT last_value || ':' || is_called FROM items_id_seq");
		plainFlyway(db, "r20-temp-setlocal", "1");
		db.execute(hand);
		on(db, "r20-temp-setlocal").run((context) -> {
			report(context, "temp");
			assertThat(context).hasNotFailed();
		});
		assertThat(db.query(query)).isEqualTo(expected);
		assertThat(db.query("SELECT last_value || ':' || is_called FROM items_id_seq")).isEqualTo(expectedSeq);
	}

	/**
	 * group=true: V2 and V3 in one transaction; V3 is replayed after a notice, then times
	 * out on a lock.
	 */
	@Test
	void groupedMigrationsWithANoticeThenALockWait(TestDatabase db) throws Exception {
		String hand = "ALTER TABLE items ADD COLUMN note text";
		List<String> expected = plain("r20-group", hand, ITEMS);
		plainFlyway(db, "r20-group", "1");
		db.execute(hand);
		ExecutorService later = Executors.newSingleThreadExecutor();
		try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
			later.submit(() -> {
				while (db.query("SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'accounts'::regclass")
					.isEmpty()) {
					Thread.sleep(10);
				}
				Thread.sleep(900);
				holder.commit();
				return null;
			});
			on(db, "r20-group", "spring.flyway.group=true", "idempotent-migrations.connect.lock-timeout=200ms",
					"idempotent-migrations.connect.lock-retries=20",
					"idempotent-migrations.connect.lock-retry-backoff=100ms")
				.run((context) -> {
					report(context, "group");
					assertThat(context).hasNotFailed();
				});
		}
		finally {
			later.shutdownNow();
		}
		assertThat(db.query(ITEMS)).isEqualTo(expected);
		assertThat(history(db)).allSatisfy((row) -> assertThat(row).endsWith(":t")).hasSize(3);
	}

	/**
	 * Empty database. V1 creates a serial table without rows; V2 inserts its first row,
	 * then a DO block raises a NOTICE. SequenceValues reads last_value NULL as 0 (wasNull
	 * is asked after getString(1)), and the replay fails with "setval: value 0 is out of
	 * bounds". Plain Flyway: one row, id 1.
	 */
	@Test
	void aFirstInsertIntoAFreshSerialTableThenANotice(TestDatabase db) {
		List<String> expected = plain("r20-fresh-serial", null, "SELECT id || ':' || msg FROM log ORDER BY id");
		on(db, "r20-fresh-serial").run((context) -> assertThat(context).hasNotFailed());
		assertThat(db.query("SELECT id || ':' || msg FROM log ORDER BY id")).isEqualTo(expected);
	}

	/**
	 * Same, through a lock wait that times out: the retry fails on the restore instead of
	 * waiting again.
	 */
	@Test
	void aFirstInsertIntoAFreshSerialTableThenALockWait(TestDatabase db) throws Exception {
		plainFlyway(db, "r20-fresh-serial-lock", "1");
		ExecutorService later = Executors.newSingleThreadExecutor();
		try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
			later.submit(() -> {
				while (db.query("SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'accounts'::regclass")
					.isEmpty()) {
					Thread.sleep(10);
				}
				Thread.sleep(700);
				holder.commit();
				return null;
			});
			on(db, "r20-fresh-serial-lock", "idempotent-migrations.connect.lock-timeout=200ms",
					"idempotent-migrations.connect.lock-retries=20",
					"idempotent-migrations.connect.lock-retry-backoff=100ms")
				.run((context) -> assertThat(context).hasNotFailed());
		}
		finally {
			later.shutdownNow();
		}
		assertThat(db.query("SELECT id || ':' || msg FROM log ORDER BY id")).containsExactly("1:v2");
	}

	/**
	 * ALTER SEQUENCE ... RESTART (or setval(.., false)) leaves is_called false:
	 * pg_sequences.last_value is NULL. A replay must set it back to 4, not to its start
	 * value 1 (nor fail).
	 */
	@Test
	void aSequenceRestartedEarlierIsSetBackWhereItWas(TestDatabase db) {
		String hand = "ALTER TABLE items ADD COLUMN note text";
		List<String> expected = plain("r20-restarted-seq", hand, ITEMS);
		plainFlyway(db, "r20-restarted-seq", "1");
		db.execute(hand);
		on(db, "r20-restarted-seq").run((context) -> assertThat(context).hasNotFailed());
		assertThat(db.query(ITEMS)).isEqualTo(expected);
		db.execute("INSERT INTO items (name) VALUES ('after the deploy')");
	}

	/**
	 * A Java migration's statement waits for a lock held 3 s by another session. Plain
	 * Flyway waits and migrates; the starter's session lock_timeout (1 s by default)
	 * applies to it too, and nothing retries a Java migration.
	 */
	@Test
	void aJavaMigrationWaitingForALockHeldThreeSeconds(TestDatabase db) throws Exception {
		plainFlyway(db, "r20-java-lock", "1");
		ExecutorService later = Executors.newSingleThreadExecutor();
		try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE");
			later.submit(() -> {
				Thread.sleep(3000);
				holder.commit();
				return null;
			});
			on(db, "r20-java-lock").withUserConfiguration(NicknameMigration.class).run((context) -> {
				if (context.getStartupFailure() != null) {
					System.out.println("JAVALOCK " + context.getStartupFailure());
				}
				assertThat(context).hasNotFailed();
			});
		}
		finally {
			later.shutdownNow();
		}
		assertThat(db.query("SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts'"
				+ " AND column_name = 'nickname'"))
			.containsExactly("nickname");
	}

	/**
	 * CREATE INDEX CONCURRENTLY waits for every older transaction (a virtualxid lock,
	 * which lock_timeout bounds) after it has created the index as INVALID. Another
	 * session has a transaction open (on another table) that ends after 2.5 s. Plain
	 * Flyway waits and builds a valid index. lock-retries=1 to see what the starter
	 * leaves when the retries are spent: the design says nothing changed.
	 */
	@Test
	void aConcurrentIndexBuildWaitingForAnOldTransaction(TestDatabase db) throws Exception {
		plainFlyway(db, "r20-cic", "1");
		ExecutorService later = Executors.newSingleThreadExecutor();
		try (Connection holder = db.connect(); Statement statement = holder.createStatement()) {
			holder.setAutoCommit(false);
			statement.execute("INSERT INTO other VALUES (1)");
			later.submit(() -> {
				Thread.sleep(2500);
				holder.commit();
				return null;
			});
			on(db, "r20-cic", "idempotent-migrations.connect.lock-timeout=300ms",
					"idempotent-migrations.connect.lock-retries=1",
					"idempotent-migrations.connect.lock-retry-backoff=100ms")
				.run((context) -> {
					if (context.getStartupFailure() != null) {
						System.out.println("CIC " + context.getStartupFailure());
					}
					System.out
						.println("CIC indexes " + db.query("SELECT c.relname || ':' || i.indisvalid FROM pg_index i"
								+ " JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = 'items_name_idx'"));
					if (context.getStartupFailure() != null) {
						assertThat(db.query("SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid ="
								+ " i.indexrelid WHERE c.relname = 'items_name_idx'"))
							.as("startup failed: it must leave nothing changed")
							.isEmpty();
					}
				});
		}
		finally {
			later.shutdownNow();
		}
	}

	/**
	 * A pg_dump-style COPY whose FROM stdin comes after the first 120 characters:
	 * StatementHead reads only 120, so it is not recognised as COPY FROM STDIN and the
	 * engine sends it through JDBC itself. Plain Flyway loads the row.
	 */
	@Test
	void aCopyWithALongColumnList(TestDatabase db) {
		on(db, "r20-long-copy").run((context) -> {
			if (context.getStartupFailure() != null) {
				System.out.println("LONGCOPY " + context.getStartupFailure());
			}
			assertThat(context).hasNotFailed();
		});
		assertThat(db.query("SELECT id || ':' || email_address FROM customer_accounts"))
			.containsExactly("1:ada@example.com");
	}

	/**
	 * A trigger that raises a NOTICE on every insert: each data statement with a notice
	 * is reconciled?
	 */
	@Test
	void aTriggerNoticeOnADataStatement(TestDatabase db) {
		String query = "SELECT id || ':' || name FROM items ORDER BY id";
		List<String> expected = plain("r20-trigger-notice", null, query);
		plainFlyway(db, "r20-trigger-notice", "1");
		on(db, "r20-trigger-notice").run((context) -> {
			if (context.getStartupFailure() != null) {
				System.out.println("TRIGGER " + context.getStartupFailure());
			}
			else {
				report(context, "trigger");
			}
			assertThat(context).hasNotFailed();
		});
		assertThat(db.query(query)).isEqualTo(expected);
	}

	/**
	 * Pool of one, spring.flyway.schemas=app: what the application's pooled session looks
	 * like after startup (search_path, lock_timeout, advisory locks, temp tables), plain
	 * Boot + Flyway against the starter.
	 */
	@Test
	void theApplicationsSessionAfterStartupIsAsPlainFlywayLeavesIt(TestDatabase db) {
		String probe = "SELECT current_setting('search_path') || '|' || current_setting('lock_timeout') || '|'"
				+ " || (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid())";
		String[] properties = { null, null, null, "spring.flyway.locations=classpath:db/startup/r20-temp-setlocal",
				"spring.flyway.schemas=app", "spring.datasource.hikari.maximum-pool-size=2" };
		String plainSession;
		try (TestDatabase plain = TestDatabase.create()) {
			String[] p = properties.clone();
			p[0] = "spring.datasource.url=" + plain.jdbcUrl();
			p[1] = "spring.datasource.username=" + plain.user();
			p[2] = "spring.datasource.password=" + plain.password();
			String[] holder = new String[1];
			new ApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
				.withPropertyValues(p)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					holder[0] = sessions(context.getBean(DataSource.class), probe);
				});
			plainSession = holder[0];
		}
		String[] p = properties.clone();
		p[0] = "spring.datasource.url=" + db.jdbcUrl();
		p[1] = "spring.datasource.username=" + db.user();
		p[2] = "spring.datasource.password=" + db.password();
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					IdempotentMigrationsAutoConfiguration.class))
			.withPropertyValues(p)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String starterSession = sessions(context.getBean(DataSource.class), probe);
				System.out.println("SESSION plain=" + plainSession + " starter=" + starterSession);
				assertThat(starterSession).isEqualTo(plainSession);
			});
	}

	/** The probe on both connections of the pool, held at once, sorted. */
	private static String sessions(DataSource dataSource, String probe) throws Exception {
		try (Connection one = dataSource.getConnection(); Connection two = dataSource.getConnection()) {
			List<String> answers = new java.util.ArrayList<>();
			for (Connection c : List.of(one, two)) {
				try (Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery(probe)) {
					rs.next();
					answers.add(rs.getString(1));
				}
			}
			answers.sort(null);
			return answers.toString();
		}
	}

	/**
	 * The report's object for a COPY that ran as written: before issue 20 it was the
	 * table (statement.target()).
	 */
	@Test
	void theReportNamesTheTableOfACopy(TestDatabase db) {
		System.out.println("DBLINK "
				+ db.query("SELECT name FROM pg_available_extensions WHERE name IN ('dblink', 'postgres_fdw')"));
		String hand = "ALTER TABLE items ADD COLUMN note text";
		plainFlyway(db, "r20-copy", "1");
		db.execute(hand);
		on(db, "r20-copy").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.migrations().get(0).statements().get(1)).satisfies((copy) -> {
				assertThat(copy.kind()).isEqualTo(StatementKind.COPY);
				assertThat(copy.object()).isEqualTo("items");
			});
		});
	}

	/**
	 * A dblink_exec commits in another session at once: a NOTICE after it sends the
	 * migration back to its savepoint and the replay sends the remote write a second
	 * time. Plain Flyway writes it once.
	 */
	@Test
	void aDblinkWriteIsSentTwiceByAReplay(TestDatabase db) {
		on(db, "r20-dblink", "spring.flyway.placeholders.user=" + db.user(),
				"spring.flyway.placeholders.password=" + db.password())
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(db.query("SELECT msg FROM remote_log")).containsExactly("sent once");
	}

	static class V2__credit extends BaseJavaMigration {

		private final DataSource dataSource;

		V2__credit(DataSource dataSource) {
			this.dataSource = dataSource;
		}

		@Override
		public void migrate(org.flywaydb.core.api.migration.Context context) {
			new JdbcTemplate(this.dataSource).update("UPDATE accounts SET balance = balance + 100");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CreditMigration {

		@Bean
		V2__credit credit(DataSource dataSource) {
			return new V2__credit(dataSource);
		}

	}

	static class V2__nickname extends BaseJavaMigration {

		@Override
		public void migrate(org.flywaydb.core.api.migration.Context context) throws Exception {
			try (Statement statement = context.getConnection().createStatement()) {
				statement.execute("ALTER TABLE accounts ADD COLUMN nickname text");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class NicknameMigration {

		@Bean
		V2__nickname nickname() {
			return new V2__nickname();
		}

	}

}
