package io.github.idempotentmigrations.actuate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.shadow.Drift;
import org.jspecify.annotations.Nullable;

/**
 * The schema as last seen by a live check, judged together with the last startup report.
 *
 * @param state the verdict
 * @param checkedAt when the database was checked
 * @param currentVersion the version of the latest applied migration (null when none)
 * @param applied how many migrations are applied successfully
 * @param pending how many migrations are not applied yet
 * @param failed how many history rows are failed
 * @param problems what kept the last startup run from converging
 * @param conflicts conflicts the last run recorded without stopping, e.g.
 * {@code public.users.email: type differs}
 * @param drift how the catalog departs from the expected schema stored for the applied
 * migrations; empty when none is stored yet (drift unknown)
 * @param driftUnchecked why drift is not checked (no expected schema, and what makes
 * one), or null when it is
 * @param error why the database could not be checked (masked), or null
 */
public record SchemaStatus(State state, Instant checkedAt, @Nullable String currentVersion, int applied, int pending,
		int failed, List<String> problems, List<String> conflicts, Optional<List<Drift>> drift,
		@Nullable String driftUnchecked, @Nullable String error) {

	public SchemaStatus {
		problems = List.copyOf(problems);
		conflicts = List.copyOf(conflicts);
		drift = drift.map(List::copyOf);
	}

	/** The verdict, most serious first where several apply. */
	public enum State {

		/** The database could not be checked. */
		UNREACHABLE,
		/** The last startup run stopped with problems. */
		NOT_CONVERGED,
		/** The history has failed rows. */
		FAILED,
		/** Some migrations are not applied. */
		PENDING,
		/**
		 * Objects the applied migrations build are missing, invalid or defined
		 * differently.
		 */
		DRIFTED,
		/** The schema is in the state the migrations describe. */
		CONVERGED,
		/**
		 * Flyway migrates another database than PostgreSQL: the starter stepped aside and
		 * checks nothing.
		 */
		OTHER_DATABASE

	}

	/** The drift, empty when unknown. */
	public List<Drift> driftList() {
		return this.drift.orElse(List.of());
	}

	/**
	 * The drift as human-readable lines, e.g.
	 * {@code column public.users.email is missing}.
	 */
	public List<String> driftDescriptions() {
		return driftList().stream().map(Drift::describe).toList();
	}
}
