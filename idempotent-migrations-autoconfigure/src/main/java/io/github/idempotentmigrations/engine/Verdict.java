package io.github.idempotentmigrations.engine;

import io.github.idempotentmigrations.engine.report.Outcome;

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
record Verdict(Outcome outcome, String object, String reason, String expected, String actual) {

	/**
	 * What caller code decided about a statement under its own guard (a Java migration's
	 * condition query).
	 */
	static Verdict decided(Outcome outcome, Object object, String reason) {
		return new Verdict(outcome, text(object), reason, null, null);
	}

	static Verdict applied(Object object, String reason) {
		return new Verdict(Outcome.APPLIED, text(object), reason, null, null);
	}

	static Verdict skipped(Object object, String reason) {
		return new Verdict(Outcome.SKIPPED, text(object), reason, null, null);
	}

	static Verdict reconciled(Object object, String reason) {
		return new Verdict(Outcome.RECONCILED, text(object), reason, null, null);
	}

	static Verdict conflict(Object object, String reason, String expected, String actual) {
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

	private static String text(Object object) {
		return (object != null) ? object.toString() : null;
	}
}
