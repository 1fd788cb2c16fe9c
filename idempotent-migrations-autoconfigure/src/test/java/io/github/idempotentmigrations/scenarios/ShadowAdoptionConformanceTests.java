package io.github.idempotentmigrations.scenarios;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Every scenario migration set, adopted by the starter from the states the issue names,
 * converges to what plain Flyway builds from empty: catalog with definitions, history row
 * by row, and a later plain {@code validate} passes.
 * <ul>
 * <li>F: schema and data present, history table dropped; rows of every table are
 * unchanged;</li>
 * <li>D: as F, and a seeded fifth of the leaf objects (indexes, foreign keys, checks,
 * unique constraints, nullable columns) removed;</li>
 * <li>L: schema and data present, the history rows of the newest third of the migrations
 * deleted; rows of every table are unchanged.</li>
 * </ul>
 */
class ShadowAdoptionConformanceTests {

	// Leaf objects a database can lose without anything else depending on them being lost
	// too.
	private static final String LEAF_OBJECTS = """
			SELECT format('DROP INDEX %I.%I', n.nspname, i.relname)
			FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
			WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			  AND i.relname NOT LIKE 'flyway\\_%' AND i.relkind = 'i'
			  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
			  AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = x.indexrelid)
			UNION ALL
			SELECT format('ALTER TABLE %I.%I DROP CONSTRAINT %I', n.nspname, c.relname, k.conname)
			FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE k.contype IN ('f', 'c', 'u') AND k.conislocal AND n.nspname NOT LIKE 'pg\\_%'
			UNION ALL
			SELECT format('ALTER TABLE %I.%I DROP COLUMN %I', n.nspname, c.relname, a.attname)
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind = 'r' AND NOT c.relispartition AND a.attnum > 0 AND NOT a.attisdropped
			  AND NOT a.attnotnull AND a.attgenerated = '' AND a.attislocal
			  AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'
			  AND c.relname NOT LIKE 'flyway\\_%'
			ORDER BY 1
			""";

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "matrix", "seed000", "seed001", "seed002", "seed003", "seed004" })
	void stateFWholeSchemaWithoutHistory(String scenario) {
		try (TestDatabase db = TestDatabase.create(); TestDatabase reference = TestDatabase.create()) {
			plainFlyway(reference, scenario);
			plainFlyway(db, scenario);
			db.execute("DROP TABLE flyway_schema_history");
			List<String> rows = DatabaseSnapshot.of(db).userRows();

			adopt(db, scenario);

			assertConvergedToPlainFlyway(db, reference, scenario);
			assertThat(DatabaseSnapshot.of(db).userRows()).isEqualTo(rows);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "matrix", "seed000", "seed001", "seed002", "seed003", "seed004" })
	void stateDAFifthOfTheLeafObjectsMissing(String scenario) {
		try (TestDatabase db = TestDatabase.create(); TestDatabase reference = TestDatabase.create()) {
			plainFlyway(reference, scenario);
			plainFlyway(db, scenario);
			db.execute("DROP TABLE flyway_schema_history");
			assertThat(dropAFifthOfTheLeafObjects(db, scenario.hashCode())).isPositive();

			adopt(db, scenario);

			assertConvergedToPlainFlyway(db, reference, scenario);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "matrix", "seed000", "seed001", "seed002", "seed003", "seed004" })
	void stateLHistoryRowsOfTheNewestThirdDeleted(String scenario) {
		try (TestDatabase db = TestDatabase.create(); TestDatabase reference = TestDatabase.create()) {
			plainFlyway(reference, scenario);
			plainFlyway(db, scenario);
			String lost = "(SELECT max(installed_rank) * 2 / 3 FROM flyway_schema_history)";
			List<String> versions = db.query("SELECT version FROM flyway_schema_history WHERE installed_rank > " + lost
					+ " ORDER BY installed_rank");
			db.execute("DELETE FROM flyway_schema_history WHERE installed_rank > " + lost);
			List<String> rows = DatabaseSnapshot.of(db).userRows();

			// The history is a fact: the person who restored it says which migrations
			// ran.
			ScenarioFlyway.starter(db, scenario)
				.withPropertyValues("idempotent-migrations.repair.assume-applied=" + String.join(",", versions))
				.run((context) -> assertThat(context).hasNotFailed());

			assertConvergedToPlainFlyway(db, reference, scenario);
			assertThat(DatabaseSnapshot.of(db).userRows()).isEqualTo(rows);
		}
	}

	private static void plainFlyway(TestDatabase db, String scenario) {
		MatrixRole.ensure(db);
		ScenarioFlyway.configure(db, scenario)
			// A transaction-level lock would make the matrix's concurrent index build
			// wait for Flyway itself.
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load()
			.migrate();
	}

	private static void adopt(TestDatabase db, String scenario) {
		ScenarioFlyway.starter(db, scenario).run((context) -> assertThat(context).hasNotFailed());
	}

	private static void assertConvergedToPlainFlyway(TestDatabase db, TestDatabase reference, String scenario) {
		assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(DatabaseSnapshot.catalogOf(reference));
		assertThat(history(db)).isEqualTo(history(reference));
		assertThatNoException().isThrownBy(() -> ScenarioFlyway.plain(db, scenario).validate());
	}

	/**
	 * Drops a seeded fifth of the leaf objects, skipping those something else still
	 * depends on.
	 */
	private static int dropAFifthOfTheLeafObjects(TestDatabase db, long seed) {
		JdbcTemplate jdbc = new JdbcTemplate(db.dataSource());
		List<String> drops = new ArrayList<>(jdbc.queryForList(LEAF_OBJECTS, String.class));
		Collections.shuffle(drops, new Random(seed));
		int dropped = 0;
		for (String drop : drops.subList(0, Math.max(1, drops.size() / 5))) {
			try {
				db.execute(drop);
				dropped++;
			}
			catch (IllegalStateException ex) {
				// A view or another object still needs it: not a leaf after all.
			}
		}
		return dropped;
	}

	private static List<String> history(TestDatabase db) {
		return new JdbcTemplate(db.dataSource()).queryForList("SELECT concat_ws(':', installed_rank, version,"
				+ " description, type, script, checksum, success) FROM flyway_schema_history ORDER BY installed_rank",
				String.class);
	}

}
