package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.shadow.Drift;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import static io.github.idempotentmigrations.flyway.MigratingApplication.failure;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift after a clean run: the expected schema is stored beside the history (from the
 * live schema of a run that ran every statement as written, from adoption's shadow, or
 * from a shadow built once for a database migrated before the starter), and
 * {@code repair.drift} acts on the live schema against it at startup.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class ExpectedSchemaDriftStartupTests {

	@Test
	void aFirstRunStoresTheExpectedSchemaAndFindsNoDrift(TestDatabase db) {
		on(db, "drift").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(drift(context)).isEmpty();
		});
		assertThat(db.query("SELECT count(*) FROM flyway_schema_history_expected WHERE kind = 'TABLE'"))
			.containsExactly("2"); // orders and the history
	}

	@Test
	void failStopsStartupOnObjectsDroppedByHandWithNothingChanged(TestDatabase db) {
		on(db, "drift").run((context) -> assertThat(context).hasNotFailed());
		db.execute("DROP INDEX orders_customer_idx");
		db.execute("ALTER TABLE orders DROP COLUMN note");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);

		on(db, "drift", "idempotent-migrations.repair.drift=fail")
			.run((context) -> assertThat(failure(context).getMessage()).contains(
					"Drift: index public.orders_customer_idx is missing", "Drift: column public.orders.note is missing",
					"idempotent-migrations.repair.drift=repair"));
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	@Test
	void repairRecreatesWhatWasDroppedFromTheExpectedDefinitionsAndKeepsTheRows(TestDatabase db) {
		on(db, "drift").run((context) -> assertThat(context).hasNotFailed());
		db.execute("DROP INDEX orders_customer_idx");
		db.execute("ALTER TABLE orders DROP COLUMN note");

		on(db, "drift", "idempotent-migrations.repair.drift=repair").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(lastReport(context).repairs()).extracting(RepairAction::subject)
				.contains("index public.orders_customer_idx", "column public.orders.note",
						"constraint public.orders.orders_note_check");
			// the CHECK re-created from its definition reads back in another spelling:
			// still no drift
			assertThat(drift(context)).isEmpty();
		});
		assertThat(db.query("SELECT id || ':' || customer FROM orders ORDER BY id")).containsExactly("1:ann", "2:bob");
	}

	@Test
	void anObjectChangedByHandIsReportedAndNeverAltered(TestDatabase db) {
		on(db, "drift").run((context) -> assertThat(context).hasNotFailed());
		db.execute("ALTER TABLE orders ALTER COLUMN customer TYPE varchar(50)");

		on(db, "drift", "idempotent-migrations.repair.drift=repair").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(lastReport(context).warnings()).anySatisfy((warning) -> assertThat(warning)
				.contains("column public.orders.customer differs: expected customer text NOT NULL,"
						+ " found customer character varying(50) NOT NULL", "never altered"));
			assertThat(drift(context)).extracting(Drift::problem).containsExactly(Drift.Problem.DIFFERENT);
		});
		assertThat(db.query("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
				+ " WHERE attrelid = 'orders'::regclass AND attname = 'customer'"))
			.containsExactly("character varying(50)");
	}

	@Test
	void aDeployRecordsTheNewExpectedSchema(TestDatabase db) {
		on(db, "drift", "spring.flyway.target=1").run((context) -> assertThat(context).hasNotFailed());
		on(db, "drift").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(lastReport(context).warnings()).isEmpty();
			assertThat(drift(context)).isEmpty();
		});
		db.execute("ALTER TABLE orders DROP COLUMN total");
		on(db, "drift").run((context) -> assertThat(drift(context)).extracting(Drift::describe)
			.containsExactly("column public.orders.total is missing"));
	}

	@Test
	void adoptionRecordsTheShadowsSchema(TestDatabase db) {
		plainFlyway(db, "drift", "2");
		db.execute("DROP TABLE flyway_schema_history");
		db.execute("ALTER TABLE orders DROP CONSTRAINT orders_note_check");

		on(db, "drift").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(drift(context)).isEmpty();
		});
	}

	@Test
	void aDatabaseMigratedBeforeTheStarterGetsItsExpectedSchemaAtTheFirstStart(TestDatabase db) {
		plainFlyway(db, "drift", "2");
		db.execute("ALTER TABLE orders ADD COLUMN added_by_hand int");

		on(db, "drift").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(lastReport(context).migrations()).isEmpty();
			// built on a shadow: what was added by hand is not expected
			assertThat(drift(context)).extracting(Drift::describe)
				.containsExactly("column public.orders.added_by_hand is not built by the migrations");
		});
	}

	@Test
	void anotherApplicationsSchemaInTheSameDatabaseIsNotDrift(TestDatabase db) {
		db.execute("CREATE SCHEMA other_app; CREATE TABLE other_app.jobs (id integer PRIMARY KEY, payload text)");
		on(db, "drift").run((context) -> assertThat(context).hasNotFailed());
		db.execute("ALTER TABLE other_app.jobs DROP COLUMN payload; CREATE TABLE other_app.more (id integer)");

		on(db, "drift", "idempotent-migrations.repair.drift=fail").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(drift(context)).isEmpty();
		});
	}

	@Test
	void defaultPrivilegesOnTheStarterTableAreNoDrift(TestDatabase db) {
		db.execute("DO $$ BEGIN CREATE ROLE im_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
		db.execute("ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO im_reader");
		on(db, "drift").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(drift(context)).isEmpty();
		});
		on(db, "drift", "idempotent-migrations.repair.drift=fail").run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void aStatementSkippedByItsOwnIfNotExistsStillRecordsTheLiveSchema(TestDatabase db) {
		// a shadow cannot be built here: had recording needed one, a warning would say so
		on(db, "drift-if-not-exists", "idempotent-migrations.shadow.url=jdbc:postgresql://127.0.0.1:1/none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(lastReport(context).warnings()).isEmpty();
				assertThat(drift(context)).isEmpty();
			});
	}

	@Test
	void anExpectedSchemaWrittenByAnotherStarterVersionIsTakenAsNotRecorded(TestDatabase db) {
		on(db, "drift").run((context) -> assertThat(context).hasNotFailed());
		db.execute("UPDATE flyway_schema_history_expected SET kind = 'A_KIND_OF_A_LATER_VERSION' WHERE kind = 'INDEX'");

		on(db, "drift").run((context) -> {
			assertThat(context).hasNotFailed();
			Flyway flyway = context.getBean(Flyway.class);
			try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
				assertThat(ExpectedSchemaDrift.of(flyway, connection)).isEmpty();
			}
		});
	}

	@Test
	void aTypeChangedOrAnObjectDroppedByHandIsShownAsDrift(TestDatabase db) {
		on(db, "drift").run((context) -> assertThat(context).hasNotFailed());
		db.execute("ALTER TABLE orders ALTER COLUMN customer TYPE varchar(50)");
		db.execute("DROP INDEX orders_customer_idx");

		on(db, "drift")
			.run((context) -> assertThat(drift(context)).allSatisfy((item) -> assertThat(item.departs()).isTrue())
				.hasSize(2));
		db.execute("ALTER TABLE orders DROP COLUMN note");
		on(db, "drift").run((context) -> assertThat(drift(context)).filteredOn((item) -> item.object().contains("note"))
			.extracting(Drift::describe)
			// its CHECK went with it
			.containsExactlyInAnyOrder("column public.orders.note is missing",
					"constraint public.orders.orders_note_check is missing"));
	}

	@Test
	void aReservedShadowLeavesNoFalseDriftOnTheStockPublicSchema(TestDatabase db) {
		// migrated before the starter: the expected schema comes from a shadow
		plainFlyway(db, "drift", "2");
		try (TestDatabase shadow = TestDatabase.create()) {
			on(db, "drift", "idempotent-migrations.shadow.url=" + shadow.jdbcUrl(),
					"idempotent-migrations.shadow.username=" + shadow.user(),
					"idempotent-migrations.shadow.password=" + shadow.password())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(drift(context)).extracting(Drift::describe).isEmpty();
				});
		}
	}

	@Test
	void aColumnAddedByHandThatAPendingMigrationAddsIsNoDrift(TestDatabase db) {
		// The README's hot-fix: the column is added by hand, then the release that adds
		// it (and more) deploys.
		on(db, "drift", "spring.flyway.target=1").run((context) -> assertThat(context).hasNotFailed());
		db.execute("ALTER TABLE orders ADD COLUMN total numeric(10, 2)");
		on(db, "drift").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(lastReport(context).warnings()).noneMatch((warning) -> warning.contains("Drift"));
			assertThat(drift(context)).isEmpty();
		});
	}

	@Test
	void driftAPendingMigrationDoesNotTouchIsStillReported(TestDatabase db) {
		on(db, "drift", "spring.flyway.target=1").run((context) -> assertThat(context).hasNotFailed());
		db.execute("CREATE INDEX orders_status_idx ON orders (status)");
		on(db, "drift").run((context) -> assertThat(lastReport(context).warnings())
			.containsExactly("Drift: index public.orders_status_idx is not built by the migrations; left as is"));
	}

	private static List<Drift> drift(AssertableApplicationContext context) throws SQLException {
		Flyway flyway = context.getBean(Flyway.class);
		try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
			return ExpectedSchemaDrift.of(flyway, connection).orElseThrow();
		}
	}

	private static MigrationReport lastReport(AssertableApplicationContext context) {
		return context.getBean(MigrationReportStore.class).last().orElseThrow();
	}

}
