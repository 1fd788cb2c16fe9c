package io.github.idempotentmigrations.flyway;

import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.testsupport.TestDatabase;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration the starter runs again after PostgreSQL refused a statement late in it,
 * against plain Flyway: rows and sequence values must come out the same.
 */
final class ReplayFidelity {

	private ReplayFidelity() {
	}

	/**
	 * Plain Flyway runs {@code scenario} up to {@code last} on a fresh database: the
	 * reference. On {@code db}, plain Flyway runs V1, {@code handMade} makes a later
	 * statement refused, then the starter migrates: every query reads what it reads on
	 * the reference, and something.
	 */
	static void assertReplayLeavesWhatPlainFlywayLeaves(TestDatabase db, String scenario, String last, String handMade,
			String... queries) {
		List<List<String>> expected = new ArrayList<>();
		try (TestDatabase reference = TestDatabase.create()) {
			plainFlyway(reference, scenario, last);
			for (String query : queries) {
				expected.add(reference.query(query));
			}
		}
		plainFlyway(db, scenario, "1");
		db.execute(handMade);

		on(db, scenario).run((context) -> assertThat(context).hasNotFailed());

		for (int i = 0; i < queries.length; i++) {
			assertThat(db.query(queries[i])).as(queries[i]).isEqualTo(expected.get(i)).isNotEmpty();
		}
	}

}
