package io.github.idempotentmigrations.conformance;

import java.util.Random;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * K: the starter migrates an empty database and its sessions are killed
 * ({@code pg_terminate_backend} from another session) at a seeded moment of the run, as a
 * crashed or redeployed pod leaves it; then the application starts again. The second
 * start must end where plain Flyway ends.
 * <p>
 * The moment is a seeded fraction of plain Flyway's time for the set, counted from the
 * history table's creation; a run that ends before it is tried again with the moment
 * halved, up to {@link #ATTEMPTS} times. A check in which no kill landed fails: it would
 * not have tested a restart.
 */
final class KilledMidRun implements StartingState {

	private static final int ATTEMPTS = 4;

	@Override
	public String name() {
		return "K";
	}

	@Override
	public Verdict check(ConformanceSet set, Random random) {
		long delay = (long) (set.plainTime().toMillis() * random.nextDouble());
		long starterMillis = 0;
		for (int attempt = 1; attempt <= ATTEMPTS; attempt++, delay /= 2) {
			try (TestDatabase database = TestDatabase.create()) {
				StarterRun killedRun;
				int sessions;
				try (Killer killer = Killer.watch(database, delay)) {
					killedRun = set.start(database);
					sessions = killer.runEnded();
				}
				starterMillis += killedRun.time().toMillis();
				if (sessions == 0 || killedRun.failure() == null) {
					continue; // the run ended before the kill: an earlier moment
				}
				String state = "K: " + sessions + " sessions killed " + delay + " ms into the run (attempt " + attempt
						+ ")";
				StarterRun restart = set.start(database);
				starterMillis += restart.time().toMillis();
				try {
					restart.requireStarted();
				}
				catch (AssertionError ex) {
					throw new AssertionError(state + ", restart: " + ex.getMessage(), ex);
				}
				SnapshotAssert.alike(set.reference(), database, state + ", restart");
				return new Verdict(state, starterMillis);
			}
		}
		throw new AssertionError("K: no kill landed in " + ATTEMPTS + " runs of " + set.set().name() + " (the last "
				+ delay * 2 + " ms after the history table appeared): nothing was tested");
	}

}
