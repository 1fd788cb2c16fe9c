package io.github.idempotentmigrations.test.lint;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.idempotentmigrations.engine.sql.SqlLexer;
import io.github.idempotentmigrations.engine.sql.SqlScriptSplitter;
import io.github.idempotentmigrations.test.lint.StatementRisks.Risk;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * Lints SQL migrations for statements that lose data, block writes, break the application
 * version still running during a deployment, or cannot be reconciled by the starter.
 * Needs no database:
 *
 * <pre>
 * MigrationLint.of("classpath:db/migration").check().assertNoErrors();
 * </pre>
 *
 * A rule is switched off for one migration by a line comment anywhere in its script,
 * {@code -- idempotent-migrations:lint-ignore drop-column, rename-column}, or from the
 * test with {@link #ignore(LintRule, String)}; for all migrations with
 * {@link #severity(LintRule, Severity)} and {@link Severity#OFF}.
 */
public final class MigrationLint {

	/** The comment that switches rules off for the migration it stands in. */
	private static final Pattern IGNORE = Pattern.compile("--\\s*idempotent-migrations:lint-ignore\\s+([\\w\\-, ]+)");

	private final Configuration configuration;

	private final Map<LintRule, Severity> severities = new EnumMap<>(LintRule.class);

	private final Set<String> ignored = new HashSet<>();

	private @Nullable MigrationVersion pendingFrom;

	private MigrationLint(Configuration configuration) {
		this.configuration = configuration;
		for (LintRule rule : LintRule.values()) {
			this.severities.put(rule, rule.defaultSeverity());
		}
	}

	/**
	 * The SQL migrations in these Flyway locations ({@code classpath:} by default, or
	 * {@code filesystem:}).
	 */
	public static MigrationLint of(String... locations) {
		return of(Flyway.configure().locations(locations));
	}

	/**
	 * The SQL migrations of a Flyway configuration: its locations, prefixes, separator
	 * and suffixes.
	 */
	public static MigrationLint of(Configuration configuration) {
		return new MigrationLint(configuration);
	}

	public static MigrationLint of(Flyway flyway) {
		return of(flyway.getConfiguration());
	}

	/** Changes a rule's severity everywhere; {@link Severity#OFF} switches it off. */
	public MigrationLint severity(LintRule rule, Severity severity) {
		this.severities.put(rule, severity);
		return this;
	}

	/**
	 * Switches a rule off for one migration, named by its version ({@code "4"},
	 * {@code "2.1"}) or, for a repeatable one, its script name: for a migration that
	 * already shipped and must not change.
	 */
	public MigrationLint ignore(LintRule rule, String migration) {
		this.ignored.add(rule.id() + "@" + migration);
		return this;
	}

	/**
	 * Says which migrations have not run in production yet: those from {@code version} on
	 * ({@code "1"} before the first release). They deploy together, so a table one of
	 * them creates is new and empty for all of them: an index built on it without
	 * {@code CONCURRENTLY}, or a {@code SET NOT NULL}, blocks no one. Without it, each
	 * migration stands alone, as if every earlier one were in production.
	 */
	public MigrationLint pendingFrom(String version) {
		this.pendingFrom = MigrationVersion.fromVersion(version);
		return this;
	}

	/**
	 * Reads every migration, in the order Flyway runs them, and lists what the rules
	 * find.
	 */
	public LintResult check() {
		StatementRisks risks = new StatementRisks();
		List<LintFinding> findings = new ArrayList<>();
		boolean inPendingSet = false;
		for (MigrationScript script : MigrationScripts.of(this.configuration)) {
			boolean pending = isPending(script);
			if (!(pending && inPendingSet)) {
				risks.beginMigration();
			}
			inPendingSet = pending;
			Set<LintRule> ignoredHere = ignoredIn(script);
			int from = 0;
			for (String statement : SqlScriptSplitter.split(script.text())) {
				int start = script.text().indexOf(statement, from);
				from = start + statement.length();
				for (Risk risk : risks.of(statement)) {
					Severity severity = this.severities.get(risk.rule());
					if (severity != Severity.OFF && !ignoredHere.contains(risk.rule())) {
						findings.add(new LintFinding(script.name(), lineOf(script.text(), start, statement),
								risk.rule(), severity, statement, risk.detail()));
					}
				}
			}
		}
		return new LintResult(findings);
	}

	private boolean isPending(MigrationScript script) {
		return this.pendingFrom != null && script.version() != null
				&& script.version().compareTo(this.pendingFrom) >= 0;
	}

	/**
	 * Rules ignored by the script's comments or by {@link #ignore(LintRule, String)};
	 * unknown ids fail.
	 */
	private Set<LintRule> ignoredIn(MigrationScript script) {
		Set<LintRule> rules = new HashSet<>();
		Matcher comment = IGNORE.matcher(script.text());
		while (comment.find()) {
			for (String id : comment.group(1).split("[,\\s]+")) {
				if (!id.isBlank()) {
					try {
						rules.add(LintRule.byId(id));
					}
					catch (IllegalArgumentException ex) {
						throw new IllegalArgumentException(script.name() + ": " + ex.getMessage(), ex);
					}
				}
			}
		}
		for (LintRule rule : LintRule.values()) {
			if (this.ignored.contains(rule.id() + "@" + script.label())) {
				rules.add(rule);
			}
		}
		return rules;
	}

	/** The line of the statement's first token (its leading comments skipped), from 1. */
	private static int lineOf(String script, int start, String statement) {
		int offset = start + SqlLexer.tokenize(statement).get(0).start();
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (script.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

}
