package io.github.idempotentmigrations.flyway;

import java.util.List;
import java.util.Map;

/**
 * What a person states about the database that no catalog or history shows, and the
 * starter acts on only when told: the one way past a stop that facts alone cannot
 * resolve.
 *
 * @param assumeApplied versions of pending migrations that already ran here
 * ({@code repair.assume-applied}), checked on a shadow before their history rows are
 * written
 * @param resumeAfter per version of a failed migration, the last statement that committed
 * (0: none did) ({@code repair.resume-after})
 */
public record PersonsWord(List<String> assumeApplied, Map<String, Integer> resumeAfter) {

	public PersonsWord {
		assumeApplied = List.copyOf(assumeApplied);
		resumeAfter = Map.copyOf(resumeAfter);
	}

	/** Nothing stated. */
	public static PersonsWord none() {
		return new PersonsWord(List.of(), Map.of());
	}
}
