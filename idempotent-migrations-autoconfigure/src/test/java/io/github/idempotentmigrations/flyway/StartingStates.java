package io.github.idempotentmigrations.flyway;

import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.FlywayException;

/**
 * Real starting states an earlier deployment can leave behind, built with plain Flyway and real failing statements
 * on the {@code concurrent-index} scenario (V1 creates and fills accounts, V2 builds a unique index concurrently).
 */
final class StartingStates {

    private StartingStates() {
    }

    /**
     * V2 was killed half-way: its concurrent build failed on duplicate rows, leaving the index INVALID and a failed
     * history row; the duplicates were cleaned up since.
     */
    static void migrationKilledHalfWay(TestDatabase db) {
        plainFlyway(db, "concurrent-index", "1");
        db.execute("INSERT INTO accounts VALUES (3, 'ann@example.com')");
        // PostgreSQL keeps the INVALID index; Flyway records the non-transactional migration as failed.
        assertThatExceptionOfType(FlywayException.class).isThrownBy(() -> plainFlyway(db, "concurrent-index", "2"));
        db.execute("DELETE FROM accounts WHERE id = 3");
    }

    /** V2 is applied, but its index was later left INVALID by a failed concurrent rebuild by hand. */
    static void invalidIndexOfAppliedMigration(TestDatabase db) {
        plainFlyway(db, "concurrent-index", "2");
        db.execute("DROP INDEX accounts_email_key");
        db.execute("INSERT INTO accounts VALUES (3, 'ann@example.com')");
        // Fails on the duplicate and leaves accounts_email_key INVALID.
        assertThatIllegalStateException()
            .isThrownBy(() -> db.execute("CREATE UNIQUE INDEX CONCURRENTLY accounts_email_key ON accounts (email)"));
        db.execute("DELETE FROM accounts WHERE id = 3");
    }
}
