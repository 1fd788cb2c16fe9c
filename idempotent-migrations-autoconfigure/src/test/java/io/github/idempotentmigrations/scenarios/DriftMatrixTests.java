package io.github.idempotentmigrations.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.github.idempotentmigrations.flyway.MigratingApplication;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.history;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The 33 matrix migrations use every statement kind the engine guards. Each seed builds a
 * drifted database at random (a clean or partial run; history dropped, or truncated and
 * the lost versions named with assume-applied; objects a migration creates dropped where
 * the history is gone; objects of migrations not yet run created by hand; user rows
 * added) and starts an application with the starter on it: the catalog must end equal to
 * a clean run's, and the user rows must be untouched.
 */
class DriftMatrixTests {

	static final String SCENARIO = "matrix";

	static final int LAST = 33;

	private static List<String> clean;

	@BeforeAll
	static void cleanRun() {
		try (TestDatabase db = TestDatabase.create()) {
			MatrixRole.ensure(db);
			ScenarioFlyway.migrate(db, SCENARIO);
			clean = DatabaseSnapshot.catalogOf(db);
			assertThat(history(db)).hasSize(LAST).allMatch((h) -> h.endsWith(":SQL:true"));
		}
	}

	@Test
	void migrationSetCoversEveryGuardedKind() {
		String all = String.join("\n", ScenarioFlyway.upcomingStatements(SCENARIO, null)).toUpperCase();
		assertThat(ScenarioFlyway.scripts(SCENARIO)).hasSizeGreaterThanOrEqualTo(30);
		assertThat(all).contains("CREATE TABLE", "ADD COLUMN", "ADD CONSTRAINT", "ADD UNIQUE", "ADD CHECK",
				"EXCLUDE USING GIST", "CREATE UNIQUE INDEX", "CREATE INDEX CONCURRENTLY", "AS ENUM", "CREATE DOMAIN",
				"ADD VALUE", "CREATE SEQUENCE", "CREATE SCHEMA", "CREATE EXTENSION", "CREATE VIEW",
				"CREATE MATERIALIZED VIEW", "CREATE FUNCTION", "CREATE PROCEDURE", "CREATE TRIGGER", "CREATE POLICY",
				"RENAME TO", "RENAME COLUMN", "RENAME CONSTRAINT", "ALTER INDEX", "DROP INDEX", "DROP TABLE",
				"DROP COLUMN", "TYPE VARCHAR(40)", "SET DEFAULT", "SET NOT NULL", "COMMENT ON", "GRANT", "DO $$",
				"INSERT INTO", "GENERATED ALWAYS AS IDENTITY", "BIGSERIAL", "REFERENCES");
		assertThat(clean).anyMatch((l) -> l.startsWith("extension btree_gist"))
			.anyMatch((l) -> l.contains("EXCLUDE USING gist"))
			.anyMatch((l) -> l.startsWith("index public.idx_customers_created valid=true"));
	}

	static Stream<Long> seeds() {
		return IntStream.rangeClosed(1, 30).mapToObj((i) -> 1000L + i);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void driftedDatabaseConvergesToTheCleanCatalog(long seed) {
		Random random = new Random(seed);
		try (TestDatabase db = TestDatabase.create()) {
			MatrixRole.ensure(db);
			Drift drift = Drift.build(db, random);
			List<String> userRowsBefore = drift.userRows(db);

			drift.migrate(db);

			assertThat(DatabaseSnapshot.catalogOf(db)).as("catalog after %s", drift).isEqualTo(clean);
			assertThat(drift.userRows(db)).as("user rows after %s", drift).isEqualTo(userRowsBefore);
			assertThat(history(db)).as("history after %s", drift).allMatch((h) -> h.endsWith(":true"));
		}
	}

	/** One random drifted starting state and how to migrate it. */
	static final class Drift {

		/** Version the database was migrated to. */
		final int ranTo;

		/** Version the remaining history says it is at (0: history gone). */
		int historyAt;

		boolean historyDropped;

		boolean notesRow;

		final List<String> applied = new ArrayList<>();

		private Drift(int ranTo) {
			this.ranTo = ranTo;
			this.historyAt = ranTo;
		}

		static Drift build(TestDatabase db, Random random) {
			int ranTo = random.nextBoolean() ? LAST : 6 + random.nextInt(LAST - 6);
			Drift drift = new Drift(ranTo);
			ScenarioFlyway.migrateTo(db, SCENARIO, Integer.toString(ranTo));
			int history = random.nextInt(3);
			if (ranTo == LAST && history == 0) {
				// a clean, complete database has nothing to converge
				history = 1 + random.nextInt(2);
			}
			if (history == 1) {
				db.execute("DROP TABLE flyway_schema_history");
				drift.historyAt = 0;
				drift.historyDropped = true;
			}
			else if (history == 2) {
				int keep = random.nextInt(ranTo);
				db.execute("DELETE FROM flyway_schema_history WHERE installed_rank > " + keep);
				drift.historyAt = keep;
			}
			drift.dropSome(db, random);
			drift.preCreateSome(db, random);
			drift.insertUserRows(db);
			return drift;
		}

		/**
		 * Drops objects a migration the engine will re-run creates. Only without history:
		 * where history rows were lost, the person who says those migrations ran vouches
		 * that their objects are there (assume-applied).
		 */
		private void dropSome(TestDatabase db, Random random) {
			if (!this.historyDropped) {
				return;
			}
			for (Droppable droppable : Droppable.values()) {
				if (droppable.createdIn > this.historyAt && droppable.createdIn <= this.ranTo
						&& random.nextInt(3) == 0) {
					tryRun(db, droppable.sql(this.ranTo), "drop " + droppable);
				}
			}
		}

		/**
		 * Creates by hand what a migration not yet run would create, exactly as it would.
		 */
		private void preCreateSome(TestDatabase db, Random random) {
			for (Precreatable object : Precreatable.values()) {
				if (object.version > this.ranTo && object.needs <= this.ranTo && random.nextInt(2) == 0) {
					tryRun(db, object.sql, "pre-create " + object);
				}
			}
		}

		private void tryRun(TestDatabase db, String sql, String label) {
			try {
				db.execute(sql);
				this.applied.add(label);
			}
			catch (IllegalStateException ex) {
				// a dependency keeps the object (e.g. a type still in use): that drift is
				// not possible here
			}
		}

		private void insertUserRows(TestDatabase db) {
			db.execute("INSERT INTO customers (id, email, name) VALUES (900001, 'user1@example.com', 'User One'),"
					+ " (900002, 'user2@example.com', 'User Two')");
			db.execute("INSERT INTO orders (customer_id, total) VALUES (900001, 12.50)");
			db.execute("INSERT INTO products (sku, name, price) VALUES ('U-1', 'User widget', 3.00)");
			String notes = query(db, "SELECT coalesce(to_regclass('notes'), to_regclass('tmp_notes'))::text").get(0);
			if (notes != null) {
				db.execute("INSERT INTO " + notes + " VALUES (900001, 'keep me')");
				this.notesRow = true;
			}
		}

		/** The user rows, in columns every version of the schema has. */
		List<String> userRows(TestDatabase db) {
			List<String> rows = new ArrayList<>();
			rows.addAll(query(db,
					"SELECT id || ':' || email || ':' || name FROM customers WHERE id >= 900000 ORDER BY id"));
			rows.addAll(query(db, "SELECT customer_id || ':' || total || ':' || status FROM orders"
					+ " WHERE customer_id >= 900000 ORDER BY id"));
			rows.addAll(query(db, "SELECT sku || ':' || name || ':' || price FROM products WHERE sku = 'U-1'"));
			if (this.notesRow) {
				String table = query(db, "SELECT coalesce(to_regclass('notes'), to_regclass('tmp_notes'))::text")
					.get(0);
				rows.addAll(query(db, "SELECT t::text FROM (SELECT * FROM " + table + " WHERE id = 900001) t"));
			}
			return rows;
		}

		/**
		 * Through the starter, as an application starts: no history at all is adopted
		 * through a shadow; history that lost rows is never taken as lost on inference:
		 * the person who knows names the versions (assume-applied).
		 */
		void migrate(TestDatabase db) {
			List<String> lost = IntStream.rangeClosed(this.historyAt + 1, this.ranTo)
				.mapToObj(Integer::toString)
				.toList();
			ScenarioFlyway.starter(db, SCENARIO)
				.withPropertyValues((this.historyDropped || lost.isEmpty()) ? new String[0]
						: new String[] { "idempotent-migrations.repair.assume-applied=" + String.join(",", lost) })
				.run((context) -> assertThat(context)
					.as(() -> "startup on " + this
							+ ((context.getStartupFailure() != null)
									? " warnings " + MigratingApplication.failure(context).report().warnings() : ""))
					.hasNotFailed());
		}

		@Override
		public String toString() {
			return "ranTo=V" + this.ranTo + " history=" + (this.historyDropped ? "dropped" : "V" + this.historyAt)
					+ " drift=" + this.applied;
		}

	}

	/**
	 * Objects a migration creates that can be dropped and that the engine must re-create.
	 */
	enum Droppable {

		CHECK_FROM_CREATE_TABLE(5, "ALTER TABLE orders DROP CONSTRAINT orders_total_positive"),
		COLUMN_FROM_CREATE_TABLE(4, "ALTER TABLE customers DROP COLUMN age"),
		UNNAMED_UNIQUE(7, "ALTER TABLE products DROP CONSTRAINT products_name_key"),
		UNNAMED_CHECK(7, "ALTER TABLE products DROP CONSTRAINT products_price_check"),
		FOREIGN_KEY(8, "ALTER TABLE order_items DROP CONSTRAINT order_items_sku_fk"),
		ADDED_COLUMN(9, "ALTER TABLE customers DROP COLUMN phone"), INDEX(10, "DROP INDEX idx_orders_customer"),
		PARTIAL_INDEX(10, "DROP INDEX idx_orders_status_new"), CONCURRENT_INDEX(11, "DROP INDEX idx_customers_created"),
		EXCLUSION(14, "ALTER TABLE room_bookings DROP CONSTRAINT room_bookings_no_overlap"),
		VIEW(15, "DROP VIEW customer_order_totals"), MATERIALIZED_VIEW(16, "DROP MATERIALIZED VIEW product_prices"),
		TRIGGER(18, "DROP TRIGGER orders_touch ON orders"), PROCEDURE(19, "DROP PROCEDURE archive_orders"),
		POLICY(20, "DROP POLICY orders_positive_customer ON orders"), TABLE_IN_SCHEMA(21, "DROP TABLE audit.events"),
		RENAMED_TABLE(22, null), INDEX_WITH_COMMENT(31, "DROP INDEX idx_order_items_sku"),
		TABLE_CONSTRAINTS_TABLE(32, "DROP TABLE audit.order_events"),
		EXPRESSION_UNIQUE_INDEX(33, "DROP INDEX uq_customers_email_lower"),
		NOT_VALID_CHECK(33, "ALTER TABLE customers DROP CONSTRAINT customers_age_adult");

		final int createdIn;

		private final String sql;

		Droppable(int createdIn, String sql) {
			this.createdIn = createdIn;
			this.sql = sql;
		}

		String sql(int ranTo) {
			return (this.sql != null) ? this.sql : ((ranTo >= 23) ? "DROP TABLE notes" : "DROP TABLE tmp_notes");
		}

	}

	/**
	 * What a migration not yet run creates, created by hand exactly as that migration
	 * would.
	 */
	enum Precreatable {

		PHONE_COLUMN(9, 4, "ALTER TABLE customers ADD COLUMN phone varchar(30)"),
		INDEX(10, 5, "CREATE INDEX idx_orders_customer ON orders (customer_id)"),
		CONCURRENT_INDEX(11, 4, "CREATE INDEX idx_customers_created ON customers (created_at)"),
		ENUM_VALUE(12, 3, "ALTER TYPE order_status ADD VALUE 'shipped'"),
		SEQUENCE(13, 0, "CREATE SEQUENCE invoice_number_seq START 1000 INCREMENT 1"),
		ROOM_BOOKINGS(14, 1,
				"CREATE TABLE room_bookings (id serial PRIMARY KEY, room_id integer NOT NULL,"
						+ " during tstzrange NOT NULL)"),
		VIEW(15, 5,
				"CREATE VIEW customer_order_totals AS SELECT c.id, c.name, coalesce(sum(o.total), 0) AS total"
						+ " FROM customers c LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name"),
		FUNCTION(17, 0,
				"CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
						+ "    NEW.updated_at := now();\n    RETURN NEW;\nEND\n$$"),
		AUDIT_EVENTS(21, 2,
				"CREATE TABLE audit.events (id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
						+ " payload jsonb NOT NULL, at timestamptz DEFAULT now())"),
		TMP_NOTES(22, 0,
				"CREATE TABLE tmp_notes (id serial PRIMARY KEY, body text,"
						+ " CONSTRAINT tmp_notes_body_check CHECK (length(body) < 1000))"),
		SHIPPING_COLUMN(30, 5, "ALTER TABLE orders ADD COLUMN shipping money_amount"),
		ORDER_ITEMS_INDEX(31, 8, "CREATE INDEX idx_order_items_sku ON order_items (sku)");

		final int version;

		/** The migration whose objects it depends on. */
		final int needs;

		final String sql;

		Precreatable(int version, int needs, String sql) {
			this.version = version;
			this.needs = needs;
			this.sql = sql;
		}

	}

}
