package io.github.idempotentmigrations.test.lint;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The findings of one lint, in migration order.
 *
 * @param findings every finding whose rule is not switched off
 */
public record LintResult(List<LintFinding> findings) {

	public LintResult {
		findings = List.copyOf(findings);
	}

	public List<LintFinding> errors() {
		return withSeverity(Severity.ERROR);
	}

	public List<LintFinding> warnings() {
		return withSeverity(Severity.WARNING);
	}

	/**
	 * Prints the warnings and fails when there is an error.
	 * @throws AssertionError listing every finding, errors first
	 */
	public void assertNoErrors() {
		if (!errors().isEmpty()) {
			throw new AssertionError(this);
		}
		if (!warnings().isEmpty()) {
			System.out.println(this);
		}
	}

	private List<LintFinding> withSeverity(Severity severity) {
		return this.findings.stream().filter((finding) -> finding.severity() == severity).toList();
	}

	@Override
	public String toString() {
		return "Migration lint: " + errors().size() + " error(s), " + warnings().size() + " warning(s)\n"
				+ this.findings.stream()
					.sorted((a, b) -> a.severity().compareTo(b.severity()))
					.map(LintFinding::toString)
					.collect(Collectors.joining("\n"));
	}
}
