package io.github.idempotentmigrations.conformance;

import java.util.Random;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * L: plain Flyway applied everything, then the history rows of the newest third of the migrations (at least one)
 * were deleted; their objects and rows are still there. The starter must end where plain Flyway ends.
 */
final class NewestHistoryLost implements StartingState {

    @Override
    public String name() {
        return "L";
    }

    @Override
    public Verdict check(ConformanceSet set, Random random) {
        int lost = Math.max(1, set.set().size() / 3);
        int kept = set.set().size() - lost;
        try (TestDatabase database = set.migratedCopy()) {
            database.execute("DELETE FROM flyway_schema_history WHERE version IS NOT NULL AND installed_rank IN"
                    + " (SELECT installed_rank FROM flyway_schema_history WHERE version IS NOT NULL"
                    + " ORDER BY installed_rank DESC LIMIT " + lost + ")");
            String state = "L: history of " + lost + " newest migrations (" + (kept + 1) + ".." + set.set().size()
                    + ") deleted";
            StarterRun run = set.start(database);
            try {
                run.requireStarted();
            }
            catch (AssertionError ex) {
                throw new AssertionError(state + ": " + ex.getMessage(), ex);
            }
            SnapshotAssert.alike(set.reference(), database, state);
            return new Verdict(state, run.time().toMillis());
        }
    }
}
