package io.github.idempotentmigrations.flyway;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A non-transactional migration that stopped half-way resumes at the statement that
 * failed: statements that committed (an index built, a counter incremented) are not run
 * again, and the INVALID index the failed concurrent build left is rebuilt.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class NonTransactionalResumeTests {

	@Test
	void resumesAtTheFailedStatementWithoutApplyingCommittedDataChangesTwice(TestDatabase db) {
		on(db, "resume", "spring.flyway.mixed=true").run((context) -> assertThat(context).hasFailed());
		assertThat(db.query("SELECT id || ':' || hits FROM counters ORDER BY id")).containsExactly("1:1", "2:1");
		assertThat(db.query("SELECT version || ':' || success FROM flyway_schema_history ORDER BY installed_rank"))
			.containsExactly("1:true", "2:false");

		db.execute("UPDATE counters SET code = 'b' WHERE id = 2");
		on(db, "resume", "spring.flyway.mixed=true").run((context) -> assertThat(context).hasNotFailed());

		assertThat(db.query("SELECT id || ':' || hits FROM counters ORDER BY id")).containsExactly("1:1", "2:1");
		assertThat(db.query("SELECT version || ':' || success FROM flyway_schema_history ORDER BY installed_rank"))
			.containsExactly("1:true", "2:true");
		assertThat(db.query("SELECT indexrelid::regclass || ':' || indisvalid FROM pg_index"
				+ " WHERE indrelid = 'counters'::regclass AND NOT indisprimary ORDER BY 1"))
			.containsExactly("counters_code_key:true", "counters_hits_idx:true");
		assertThat(db.query("SELECT to_regclass('flyway_schema_history_statements') IS NULL")).containsExactly("t");
	}

}
