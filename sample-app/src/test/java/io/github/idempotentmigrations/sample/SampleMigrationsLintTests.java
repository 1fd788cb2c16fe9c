package io.github.idempotentmigrations.sample;

import io.github.idempotentmigrations.test.lint.LintFinding;
import io.github.idempotentmigrations.test.lint.LintRule;
import io.github.idempotentmigrations.test.lint.MigrationLint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sample's SQL migrations hold no statement that loses data or blocks writes, but
 * one: V4 indexes {@code chats}, created by V2, without CONCURRENTLY. V4 has shipped and
 * must not change (its checksum is in every database), so the test switches that rule off
 * for V4 alone; a new migration doing the same fails the lint, as the deliberately broken
 * V7 of the test resources shows.
 */
class SampleMigrationsLintTests {

	private static final String MIGRATIONS = "classpath:db/migration";

	/** A deliberately broken V7 in the test resources. */
	private static final String BROKEN_NEXT_MIGRATION = "classpath:broken-migration";

	@Test
	void noStatementLosesDataOrBlocksWritesBeyondTheOneThatShipped() {
		MigrationLint.of(MIGRATIONS).ignore(LintRule.CREATE_INDEX_WITHOUT_CONCURRENTLY, "4").check().assertNoErrors();
	}

	@Test
	void theShippedIndexIsTheOnlyFinding() {
		assertThat(MigrationLint.of(MIGRATIONS).check().findings())
			.extracting(LintFinding::script, LintFinding::line, LintFinding::rule)
			.containsExactly(tuple("V4__add_last_message_at.sql", 3, LintRule.CREATE_INDEX_WITHOUT_CONCURRENTLY));
	}

	@Test
	void aBrokenNextMigrationFailsWithEachFindingExplained() {
		assertThatThrownBy(() -> MigrationLint.of(MIGRATIONS, BROKEN_NEXT_MIGRATION)
			.ignore(LintRule.CREATE_INDEX_WITHOUT_CONCURRENTLY, "4")
			.check()
			.assertNoErrors()).isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("Migration lint: 1 error(s), 2 warning(s)")
			.hasMessageContaining("ERROR V7__archive_and_rename.sql:10 [drop-column] column users.display_name")
			.hasMessageContaining(
					"WARNING V7__archive_and_rename.sql:2 [ddl-in-do-block] DDL CREATE TABLE inside a DO" + " block")
			.hasMessageContaining("WARNING V7__archive_and_rename.sql:8 [rename-column] column chats.title to subject")
			.hasMessageContaining("Why: The application version still running during the deployment knows only the"
					+ " old name and fails.")
			.hasMessageContaining("Safer: Write the DDL as plain statements in the migration");
	}

}
