package io.github.idempotentmigrations.sample;

import io.github.idempotentmigrations.test.MigrationConvergence;
import org.junit.jupiter.api.Test;

import static io.github.idempotentmigrations.test.State.EMPTY;
import static io.github.idempotentmigrations.test.State.KILLED_MID_RUN;
import static io.github.idempotentmigrations.test.State.PENDING_WITH_HAND_MADE_OBJECTS;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sample's own migrations, SQL and Java, converge through the starter from every
 * state the engine supports today; each state runs on a fresh database of its own.
 */
class SampleMigrationsConvergeTests {

	@Test
	void migrationsConverge() {
		MigrationConvergence.ofLocations("classpath:db/migration")
			.assertConvergesFrom(EMPTY, PENDING_WITH_HAND_MADE_OBJECTS, KILLED_MID_RUN);
	}

	@Test
	void aBrokenNextMigrationShowsTheStateTheSeedTheStatementAndTheReport() {
		// seed 16 cuts at V7: its DO block meets the table made by hand
		assertThatThrownBy(
				() -> MigrationConvergence.ofLocations("classpath:db/migration", "classpath:broken-migration")
					.withSeed(16)
					.assertConvergesFrom(PENDING_WITH_HAND_MADE_OBJECTS))
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("State PENDING_WITH_HAND_MADE_OBJECTS did not converge (seed 16;")
			.hasMessageContaining("plain Flyway migrated up to 6; migration 7 adds 1 object(s)")
			.hasMessageContaining("by hand: CREATE TABLE public.chat_archive (id bigint, chat_id bigint)")
			.hasMessageContaining("Migration: 7 \"archive and rename\" (V7__archive_and_rename.sql)")
			.hasMessageContaining("SQLSTATE: 42P07")
			.hasMessageContaining("Engine report:\n    7 \"archive and rename\" [1 FAILED]");
	}

}
