package io.github.idempotentmigrations.test;

import org.junit.jupiter.api.Test;

import static io.github.idempotentmigrations.test.State.EDITED_MIGRATION;
import static io.github.idempotentmigrations.test.State.EMPTY;
import static io.github.idempotentmigrations.test.State.HISTORY_LOST;
import static io.github.idempotentmigrations.test.State.KILLED_MID_RUN;
import static io.github.idempotentmigrations.test.State.NO_HISTORY;
import static io.github.idempotentmigrations.test.State.NO_HISTORY_OBJECTS_MISSING;
import static io.github.idempotentmigrations.test.State.PENDING_WITH_HAND_MADE_OBJECTS;

/**
 * A migration set with the usual shapes (enum, serial and identity keys, foreign keys,
 * checks, a function, a view, a trigger, data, a concurrent index in a migration of its
 * own) converges through the starter from the states the engine supports, for several
 * seeds.
 */
class MigrationConvergenceTests {

	private static final String MIGRATIONS = "classpath:convergence/good";

	@Test
	void convergesFromEveryStateTheEngineSupports() {
		for (long seed = 1; seed <= 3; seed++) {
			MigrationConvergence.ofLocations(MIGRATIONS)
				.withSeed(seed)
				.assertConvergesFrom(EMPTY, PENDING_WITH_HAND_MADE_OBJECTS, KILLED_MID_RUN);
		}
	}

	/**
	 * The states the shadow replay answers: a schema without history (whole, or with
	 * objects missing) is adopted through a shadow database; lost history rows are
	 * recognised and copied; an edited script converges once the edit is declared
	 * harmless ({@code checksum-mismatches=realign}), with nothing run again.
	 */
	@Test
	void convergesFromTheAdoptionStates() {
		for (long seed = 1; seed <= 2; seed++) {
			MigrationConvergence.ofLocations(MIGRATIONS)
				.withSeed(seed)
				.withProperty("idempotent-migrations.repair.checksum-mismatches", "realign")
				.assertConvergesFrom(NO_HISTORY, NO_HISTORY_OBJECTS_MISSING, HISTORY_LOST, EDITED_MIGRATION);
		}
	}

}
