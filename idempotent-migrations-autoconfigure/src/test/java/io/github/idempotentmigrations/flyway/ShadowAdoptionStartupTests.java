package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.shadow.ShadowDatabase;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.jdbc.core.JdbcTemplate;

import static io.github.idempotentmigrations.flyway.MigratingApplication.failure;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * A schema without Flyway history (a restored dump, history dropped) is adopted through a
 * shadow database: the migrations of the {@code evolved} scenario (a function replaced, a
 * table renamed, columns dropped and re-added, a sequence restarted, reference data,
 * every object kind) never run against it.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ShadowAdoptionStartupTests {

	private static final String SCENARIO = "evolved";

	@Test
	void adoptsAWholeSchemaWithoutHistoryWithoutReplayingAnyStatement(TestDatabase db) {
		wholeSchemaInUseWithoutHistory(db);
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		long greetingVersion = greetingRowVersion(jdbc);
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		on(db, SCENARIO).run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.repairs()).extracting(RepairAction::kind)
				.containsExactly(RepairAction.Kind.UNHISTORIED_SCHEMA);
			// Only the history was missing.
			assertThat(report.repairs().get(0).action().split("; "))
				.filteredOn((done) -> done.matches("(created|copied) .*"))
				.isNotEmpty()
				.allMatch((done) -> done.contains("flyway_schema_history"));
			assertThat(report.migrations()).isEmpty();
		});

		// The newer body was not overwritten by the old CREATE OR REPLACE, not even with
		// itself.
		assertThat(jdbc.queryForObject("SELECT greeting()", String.class)).isEqualTo("hello from release 2");
		assertThat(greetingRowVersion(jdbc)).isEqualTo(greetingVersion);
		// The renamed table did not come back under its old name.
		assertThat(jdbc.queryForObject("SELECT to_regclass('customer') IS NULL", Boolean.class)).isTrue();
		// DROP COLUMN nickname; ADD COLUMN nickname was not replayed on the populated
		// column.
		assertThat(jdbc.queryForList("SELECT nickname FROM people ORDER BY id", String.class)).containsExactly("Annie",
				"Bob");
		// ALTER SEQUENCE ... RESTART was not replayed.
		assertThat(jdbc.queryForObject("SELECT last_value FROM ticket_seq", Long.class)).isEqualTo(102);
		assertThat(DatabaseSnapshot.of(db).userRows()).isEqualTo(before.userRows());
		assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(before.catalog());
		assertHistoryIsPlainFlyways(db);
	}

	@Test
	void createsWhatIsMissingFromTheShadowsDefinitionsWithTheMigrationsRows(TestDatabase db) {
		wholeSchemaInUseWithoutHistory(db);
		db.execute("DROP INDEX people_name_idx; ALTER TABLE orders DROP CONSTRAINT orders_client_id_fkey;"
				+ " ALTER TABLE clients DROP CONSTRAINT clients_name_check; ALTER TABLE orders DROP COLUMN note;"
				+ " DROP TABLE statuses; DROP VIEW people_name_lengths; DROP MATERIALIZED VIEW audit.event_counts;"
				+ " DROP TRIGGER events_touch ON audit.events; DROP POLICY events_visible ON audit.events;"
				+ " COMMENT ON TABLE clients IS NULL; DROP TABLE measurements");
		List<String> keptRows = DatabaseSnapshot.of(db).userRows();

		on(db, SCENARIO).run((context) -> assertThat(context).hasNotFailed());

		assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(MigratingApplication.plainFlywayCatalog(SCENARIO, "3"));
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		assertThat(jdbc.queryForList("SELECT code || ':' || label FROM statuses ORDER BY code", String.class))
			.as("reference rows the migrations put into a re-created table")
			.containsExactly("closed:Closed", "open:Open");
		// Rows of tables that exist are kept; the column re-added to orders has no value.
		assertThat(DatabaseSnapshot.of(db).userRows())
			.containsAll(keptRows.stream().filter((row) -> !row.startsWith("public.orders ")).toList());
		assertThat(jdbc.queryForList("SELECT concat_ws(':', id, client_id, coalesce(note, '-')) FROM orders",
				String.class))
			.containsExactly("1:7:-");
		assertHistoryIsPlainFlyways(db);
	}

	@Test
	void addsAMissingColumnToATableThatExistsAndKeepsItsRows(TestDatabase db) {
		db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);"
				+ " INSERT INTO customers VALUES (1, 'Ann')");
		on(db, "adopt").run((context) -> assertThat(context).hasNotFailed());
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		assertThat(jdbc.queryForList("SELECT name || ':' || coalesce(email, '-') FROM customers", String.class))
			.containsExactly("Ann:-");
		assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history ORDER BY installed_rank", String.class))
			.containsExactly("1", "2");
	}

	@Test
	void aConflictStopsAdoptionWithSchemaRowsAndHistoryAsTheyWere(TestDatabase db) {
		wholeSchemaInUseWithoutHistory(db);
		db.execute("ALTER TABLE clients ALTER COLUMN name TYPE varchar(40); DROP INDEX people_name_idx");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		on(db, SCENARIO).run((context) -> assertThat(failure(context).getMessage()).contains(
				"Adoption of the schema without history stopped before changing anything",
				"CONFLICT: column public.clients.name differs from what the migrations build:"
						+ " expected name text, found name character varying(40)",
				"idempotent-migrations.on-conflict=warn"));

		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
		assertThat(temporaryShadows(db)).isEmpty();
	}

	@Test
	void aConflictLeftAsIsWhenThePolicySaysWarn(TestDatabase db) {
		wholeSchemaInUseWithoutHistory(db);
		db.execute("ALTER TABLE clients ALTER COLUMN name TYPE varchar(40); DROP INDEX people_name_idx");

		on(db, SCENARIO, "idempotent-migrations.on-conflict=warn").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationReportStore.class).last().orElseThrow().warnings())
				.anySatisfy((warning) -> assertThat(warning).contains("CONFLICT left as is", "public.clients.name"));
		});

		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		assertThat(jdbc.queryForObject("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
				+ " WHERE attrelid = 'clients'::regclass AND attname = 'name'", String.class))
			.isEqualTo("character varying(40)");
		assertThat(jdbc.queryForObject("SELECT to_regclass('people_name_idx') IS NOT NULL", Boolean.class)).isTrue();
		assertHistoryIsPlainFlyways(db);
	}

	@Test
	void reportsObjectsTheMigrationsDoNotBuildAndLeavesThem(TestDatabase db) {
		wholeSchemaInUseWithoutHistory(db);
		db.execute("CREATE TABLE hand_made (id int); ALTER TABLE people ADD COLUMN hot_fix text");

		on(db, SCENARIO)
			.run((context) -> assertThat(context.getBean(MigrationReportStore.class).last().orElseThrow().warnings())
				.contains("Adoption: table public.hand_made is not built by the migrations; left as is",
						"Adoption: column public.people.hot_fix is not built by the migrations; left as is"));

		assertThat(new JdbcTemplate(db.dataSource()).queryForObject(
				"SELECT count(*) FROM pg_attribute WHERE attrelid = 'people'::regclass AND attname = 'hot_fix'",
				Integer.class))
			.isOne();
	}

	@Test
	void withoutTheRightToCreateAShadowStartupSaysWhatToGrantOrSet(TestDatabase db) {
		wholeSchemaInUseWithoutHistory(db);
		String role = "im_noshadow_" + db.name().substring(db.name().length() - 8);
		db.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB PASSWORD 'no-shadow'");
		try {
			DatabaseSnapshot before = DatabaseSnapshot.of(db);
			on(db, SCENARIO, "spring.datasource.username=" + role, "spring.datasource.password=no-shadow")
				.run((context) -> assertThat(failure(context).getMessage()).contains(
						"The schema has objects but no Flyway history",
						"role \"" + role + "\" may not create a temporary shadow database",
						"ALTER ROLE " + role + " CREATEDB", "idempotent-migrations.shadow.url",
						"spring.flyway.baseline-on-migrate=true"));
			assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
		}
		finally {
			db.execute("DROP ROLE " + role);
		}
	}

	@Test
	void usesTheReservedShadowDatabaseWhenOneIsConfigured(TestDatabase db) {
		wholeSchemaInUseWithoutHistory(db);
		try (TestDatabase shadow = TestDatabase.create()) {
			shadow.execute("CREATE TABLE left_from_last_time (id int)");
			on(db, SCENARIO, "idempotent-migrations.shadow.url=" + shadow.jdbcUrl(),
					"idempotent-migrations.shadow.username=" + shadow.user(),
					"idempotent-migrations.shadow.password=" + shadow.password())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(
							context.getBean(MigrationReportStore.class).last().orElseThrow().repairs().get(0).action())
						.contains("reserved shadow database " + shadow.name());
				});
			assertThat(new JdbcTemplate(shadow.dataSource())
				.queryForObject("SELECT to_regclass('left_from_last_time') IS NULL", Boolean.class)).isTrue();
		}
		assertHistoryIsPlainFlyways(db);
	}

	@Test
	void refusesTheApplicationsOwnDatabaseAsTheReservedShadow(TestDatabase db) {
		wholeSchemaInUseWithoutHistory(db);
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		on(db, SCENARIO, "idempotent-migrations.shadow.url=" + db.jdbcUrl(),
				"idempotent-migrations.shadow.username=" + db.user(),
				"idempotent-migrations.shadow.password=" + db.password())
			.run((context) -> assertThat(failure(context).getMessage())
				.contains("the reserved shadow database is the application's own database"));
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	@Test
	void migrationsThatFailOnAnEmptyDatabaseCannotBeAdoptedBy(TestDatabase db) {
		db.execute("CREATE TABLE accounts (id bigint PRIMARY KEY, email text)");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		on(db, "unknown-table").run((context) -> assertThat(failure(context).getMessage()).contains(
				"the migrations do not run on an empty database (plain Flyway on the temporary shadow database",
				"account_settings"));
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
		assertThat(temporaryShadows(db)).isEmpty();
	}

	@Test
	void dropsTheTemporaryShadowOfAKilledRun(TestDatabase db) {
		String leftover = ShadowDatabase.TEMPORARY_PREFIX + "1000000000_killedrun0001";
		db.execute("CREATE DATABASE " + leftover);
		wholeSchemaInUseWithoutHistory(db);

		on(db, SCENARIO).run((context) -> assertThat(context).hasNotFailed());

		assertThat(temporaryShadows(db)).isEmpty();
	}

	@Test
	void leavesTheTemporaryShadowAnotherRunHasJustCreatedAndNotYetConnectedTo(TestDatabase db) {
		// Tenants migrating at once: one created its shadow a moment ago and is about to
		// connect to it; its session claims the shadow by name until then (whatever the
		// name says of the time: clocks of two hosts differ).
		String justCreated = ShadowDatabase.TEMPORARY_PREFIX + "1000000000_otherrun0001";
		try (Connection otherRun = db.dataSource().getConnection(); Statement claim = otherRun.createStatement()) {
			claim.execute("SET application_name = '" + justCreated + "'");
			db.execute("CREATE DATABASE " + justCreated);
			wholeSchemaInUseWithoutHistory(db);

			on(db, SCENARIO).run((context) -> assertThat(context).hasNotFailed());

			assertThat(temporaryShadows(db)).containsExactly(justCreated);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			db.execute("DROP DATABASE IF EXISTS " + justCreated);
		}
	}

	@Test
	void theUsersOwnBaselineSaysWhichVersionsAreThere(TestDatabase db) {
		plainFlyway(db, SCENARIO, "1");
		db.execute("DROP TABLE flyway_schema_history");

		on(db, SCENARIO, "spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
				assertThat(report.repairs()).isEmpty();
				assertThat(report.migrations()).hasSize(2);
			});

		assertThat(new JdbcTemplate(db.dataSource()).queryForList(
				"SELECT version || ':' || type FROM flyway_schema_history ORDER BY installed_rank", String.class))
			.containsExactly("1:BASELINE", "2:SQL", "3:SQL");
		assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(MigratingApplication.plainFlywayCatalog(SCENARIO, "3"));
	}

	/**
	 * Every migration applied by plain Flyway, then used for a while, then the history
	 * lost.
	 */
	private static void wholeSchemaInUseWithoutHistory(TestDatabase db) {
		plainFlyway(db, SCENARIO, "3");
		db.execute("UPDATE people SET nickname = 'Annie'; INSERT INTO people (name, nickname) VALUES ('Bob', 'Bob');"
				+ " SELECT nextval('ticket_seq'), nextval('ticket_seq'), nextval('ticket_seq');"
				+ " INSERT INTO clients VALUES (7, 'Acme'); INSERT INTO orders (client_id, note) VALUES (7, 'first');"
				+ " DROP TABLE flyway_schema_history");
	}

	/**
	 * The history row by row as plain Flyway writes it, and a later plain validate
	 * passes.
	 */
	private static void assertHistoryIsPlainFlyways(TestDatabase db) {
		try (TestDatabase reference = TestDatabase.create()) {
			plainFlyway(reference, SCENARIO, "3");
			assertThat(MigratingApplication.history(db)).isEqualTo(MigratingApplication.history(reference));
		}
		assertThatNoException().isThrownBy(() -> Flyway.configure()
			.dataSource(db.dataSource())
			.locations("classpath:db/startup/" + SCENARIO)
			.load()
			.validate());
	}

	private static long greetingRowVersion(JdbcTemplate jdbc) {
		return jdbc.queryForObject("SELECT xmin::text::bigint FROM pg_proc WHERE proname = 'greeting'", Long.class);
	}

	private static List<String> temporaryShadows(TestDatabase db) {
		return new JdbcTemplate(db.dataSource()).queryForList("SELECT datname FROM pg_database WHERE datname LIKE ?",
				String.class, ShadowDatabase.TEMPORARY_PREFIX + "%");
	}

}
