package io.github.idempotentmigrations.engine;

import io.github.idempotentmigrations.engine.report.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * The engine's decision about one statement: what its reconciler made of PostgreSQL's
 * answer and the catalog.
 *
 * @param outcome what was done
 * @param object the object concerned (readable), or null
 * @param reason one sentence for people
 * @param expected for conflicts and warnings: the definition the statement describes
 * @param actual for conflicts and warnings: the definition found
 */
record Verdict(Outcome outcome, @Nullable String object, String reason, @Nullable String expected,
		@Nullable String actual) {

	/**
	 * What caller code decided about a statement under its own guard (a Java migration's
	 * condition query).
	 */
	static Verdict decided(Outcome outcome, @Nullable Object object, String reason) {
		return new Verdict(outcome, text(object), reason, null, null);
	}

	static Verdict applied(@Nullable Object object, String reason) {
		return new Verdict(Outcome.APPLIED, text(object), reason, null, null);
	}

	static Verdict skipped(@Nullable Object object, String reason) {
		return new Verdict(Outcome.SKIPPED, text(object), reason, null, null);
	}

	static Verdict reconciled(@Nullable Object object, String reason) {
		return new Verdict(Outcome.RECONCILED, text(object), reason, null, null);
	}

	static Verdict conflict(@Nullable Object object, String reason, @Nullable String expected,
			@Nullable String actual) {
		return new Verdict(Outcome.CONFLICT, text(object), reason, expected, actual);
	}

	/**
	 * This conflict, for a statement PostgreSQL skipped itself ({@code IF NOT EXISTS}):
	 * kept as a warning.
	 */
	Verdict asSkippedWarning() {
		return new Verdict(Outcome.SKIPPED, this.object,
				"skipped by PostgreSQL as IF NOT EXISTS asks; warning: " + this.reason, this.expected, this.actual);
	}

	private static @Nullable String text(@Nullable Object object) {
		return (object != null) ? object.toString() : null;
	}
}
