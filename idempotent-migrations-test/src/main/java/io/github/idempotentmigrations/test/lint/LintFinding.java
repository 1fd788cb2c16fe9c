package io.github.idempotentmigrations.test.lint;

/**
 * One risky statement.
 *
 * @param script the migration's script name
 * @param line the line the statement starts on, from 1
 * @param rule the rule it breaks
 * @param severity the rule's severity in this lint
 * @param statement the statement, as written
 * @param detail what exactly was found, e.g. which table
 */
public record LintFinding(String script, int line, LintRule rule, Severity severity, String statement, String detail) {

	@Override
	public String toString() {
		return this.severity + " " + this.script + ":" + this.line + " [" + this.rule.id() + "] " + this.detail
				+ "\n    " + this.statement.strip().replace("\n", "\n    ") + "\n    Why: " + this.rule.why()
				+ "\n    Safer: " + this.rule.saferForm();
	}
}
