package io.github.idempotentmigrations.test.lint;

/** What a finding of a rule does to the lint's verdict. */
public enum Severity {

	/** Fails {@link LintResult#assertNoErrors()}. */
	ERROR,
	/** Reported, does not fail. */
	WARNING,
	/** The rule is not checked. */
	OFF

}
