package io.github.idempotentmigrations.test;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static io.github.idempotentmigrations.test.State.EMPTY;
import static io.github.idempotentmigrations.test.State.KILLED_MID_RUN;
import static io.github.idempotentmigrations.test.State.PENDING_WITH_HAND_MADE_OBJECTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Deliberately broken migration sets (under {@code convergence/broken}) and the text each
 * kind of failure shows: the state, the seed that repeats it, how the state was reached,
 * and then the failing migration and statement, or what differs from plain Flyway, with
 * the engine's report.
 */
class ConvergenceFailureTextTests {

	@Test
	void migrationsThatFailEvenWithPlainFlywayOnAnEmptyDatabase() {
		assertThatThrownBy(() -> MigrationConvergence.ofLocations("classpath:convergence/broken/plain-fails")
			.assertConvergesFrom(EMPTY)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("Plain Flyway itself fails on an empty database")
			.hasMessageContaining("Last statement it ran: statement 1 of migration 2 \"index on a missing column\""
					+ " (V2__index_on_a_missing_column.sql): ")
			.hasMessageContaining("CREATE INDEX accounts_name_idx ON accounts (name)")
			.hasMessageContaining("column \"name\" does not exist");
	}

	@Test
	void aHandMadeTableThatTheMigrationCreatesInsideADoBlock() {
		assertThatThrownBy(() -> MigrationConvergence.ofLocations("classpath:convergence/broken/ddl-in-do-block")
			.withSeed(11)
			.assertConvergesFrom(EMPTY, PENDING_WITH_HAND_MADE_OBJECTS))
			.isInstanceOf(AssertionError.class)
			.hasMessageStartingWith("State PENDING_WITH_HAND_MADE_OBJECTS did not converge (seed 11; repeat with"
					+ " -Didempotent-migrations.convergence.seed=11)")
			.hasMessageContaining("Startup failed: Migration 2 \"audit\": FAILED in statement 1 (DO_BLOCK")
			.hasMessageContaining("Starting state: plain Flyway migrated up to 1; migration 2 adds 1 object(s)\n"
					+ "    by hand: CREATE TABLE public.audit (id bigint, note text)")
			.hasMessageContaining("Migration: 2 \"audit\" (V2__audit.sql)")
			.hasMessageContaining("Statement 1: ")
			.hasMessageContaining("DO $$\nBEGIN\n    CREATE TABLE audit (id bigint, note text);")
			.hasMessageContaining("Outcome: FAILED")
			.hasMessageContaining("SQLSTATE: 42P07")
			.hasMessageContaining("Engine report:\n    2 \"audit\" [1 FAILED]")
			.satisfies((failure) -> assertThat(failure.getMessage()).doesNotContain("State EMPTY"));
	}

	@Test
	void aNonTransactionalMigrationKilledAfterItsUpdateCommittedResumesWithoutRunningItAgain() {
		// seed 11 terminates the run before statement 4 of 4, the index: the UPDATE
		// before it has committed, and the statement journal keeps the restart from
		// running it a second time (this fixture failed before the journal)
		MigrationConvergence
			.of(Flyway.configure().locations("classpath:convergence/broken/rerun-after-kill").mixed(true))
			.withSeed(11)
			.assertConvergesFrom(KILLED_MID_RUN);
	}

}
