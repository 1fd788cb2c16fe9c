package io.github.idempotentmigrations.sample;

import io.github.idempotentmigrations.test.lint.LintFinding;
import io.github.idempotentmigrations.test.lint.LintRule;
import io.github.idempotentmigrations.test.lint.MigrationLint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The sample's SQL migrations hold no statement that loses data or blocks writes, but one: V4 indexes
 * {@code chats}, created by V2, without CONCURRENTLY. V4 has shipped and must not change (its checksum is in every
 * database), so the test switches that rule off for V4 alone; a new migration doing the same fails the lint.
 */
class SampleMigrationsLintTests {

    private static final String MIGRATIONS = "classpath:db/migration";

    @Test
    void noStatementLosesDataOrBlocksWritesBeyondTheOneThatShipped() {
        MigrationLint.of(MIGRATIONS).ignore(LintRule.CREATE_INDEX_WITHOUT_CONCURRENTLY, "4").check().assertNoErrors();
    }

    @Test
    void theShippedIndexIsTheOnlyFinding() {
        assertThat(MigrationLint.of(MIGRATIONS).check().findings())
            .extracting(LintFinding::script, LintFinding::line, LintFinding::rule)
            .containsExactly(tuple("V4__add_last_message_at.sql", 3,
                    LintRule.CREATE_INDEX_WITHOUT_CONCURRENTLY));
    }
}
