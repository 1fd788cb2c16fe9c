package io.github.idempotentmigrations.engine.report;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What happened to one migration.
 *
 * @param version the migration's version, or null for repeatable migrations
 * @param description the migration's description
 * @param script the script name (or Java class name)
 * @param statements one result per statement, in order
 * @param duration time spent on the migration
 * @param lockRetries how many times it went back to its savepoint and ran again after a
 * lock wait timed out
 */
public record MigrationResult(@Nullable String version, String description, @Nullable String script,
		List<StatementResult> statements, Duration duration, int lockRetries) {

	public MigrationResult {
		statements = List.copyOf(statements);
	}

	public MigrationResult(@Nullable String version, String description, @Nullable String script,
			List<StatementResult> statements, Duration duration) {
		this(version, description, script, statements, duration, 0);
	}

	public Map<Outcome, Integer> totals() {
		return OutcomeTotals.of(this.statements);
	}

	public boolean hasConflicts() {
		return this.statements.stream().anyMatch((s) -> s.outcome() == Outcome.CONFLICT);
	}

	/** Version and description, the way Flyway prints them: {@code 3 "add users"}. */
	public String label() {
		return ((this.version != null) ? this.version : "repeatable") + " \"" + this.description + "\"";
	}
}
