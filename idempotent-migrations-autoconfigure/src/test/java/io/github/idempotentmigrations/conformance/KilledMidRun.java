package io.github.idempotentmigrations.conformance;

import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * K: the starter migrates an empty database and its connections are killed ({@code pg_terminate_backend} from
 * another session) at a seeded moment of the run, as a crashed or redeployed pod leaves it; then the application
 * starts again. The second start must end where plain Flyway ends.
 * <p>
 * The moment is a seeded fraction of plain Flyway's time for the set; a run that ends before it is tried again
 * with the moment halved, up to {@link #ATTEMPTS} times, and the report says when no kill landed.
 */
final class KilledMidRun implements StartingState {

    private static final int ATTEMPTS = 4;

    private static final String KILL = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND pid <> pg_backend_pid()";

    @Override
    public String name() {
        return "K";
    }

    @Override
    public Verdict check(ConformanceSet set, Random random) {
        long delay = Math.max(1, (long) (set.plainTime().toMillis() * (0.05 + 0.9 * random.nextDouble())));
        long starterMillis = 0;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++, delay = Math.max(1, delay / 2)) {
            try (TestDatabase database = TestDatabase.create()) {
                CompletableFuture<Integer> kill = CompletableFuture.supplyAsync(
                        () -> Integer.valueOf(database.query(KILL).get(0)),
                        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
                StarterRun killed = set.start(database);
                int sessions = kill.join();
                starterMillis += killed.time().toMillis();
                if (killed.failure() == null && attempt < ATTEMPTS) {
                    continue; // the run ended before the kill: an earlier moment
                }
                String state = "K: killed " + sessions + " sessions after " + delay + " ms (attempt " + attempt + ", "
                        + (killed.failure() == null ? "the run had finished" : "the run failed") + ")";
                StarterRun restart = set.start(database);
                starterMillis += restart.time().toMillis();
                try {
                    restart.requireStarted();
                }
                catch (AssertionError ex) {
                    throw new AssertionError(state + ", restart: " + ex.getMessage(), ex);
                }
                SnapshotAssert.alike(set.reference(), DatabaseSnapshot.of(database), state + ", restart");
                return new Verdict(state, starterMillis);
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
