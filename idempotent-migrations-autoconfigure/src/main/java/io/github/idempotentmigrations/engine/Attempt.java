package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What PostgreSQL answered to one statement the engine sent.
 *
 * @param refusal the error, or null when it ran
 * @param notices the notices it raised (an {@code IF [NOT] EXISTS} that skipped says so
 * here)
 * @param rows rows changed by a data statement, or -1
 */
record Attempt(@Nullable SQLException refusal, List<SQLWarning> notices, long rows) {

	boolean ran() {
		return this.refusal == null;
	}

	@Nullable String sqlState() {
		return (this.refusal != null) ? this.refusal.getSQLState() : null;
	}

	boolean refusedAsAlreadyExisting() {
		return this.refusal != null && SqlStates.alreadyExists(this.refusal.getSQLState());
	}

	boolean refusedAsMissing() {
		return this.refusal != null && SqlStates.doesNotExist(this.refusal.getSQLState());
	}

	/** Whether an {@code IF NOT EXISTS} skipped because its object was there. */
	boolean skippedAsExisting() {
		return this.notices.stream().anyMatch((n) -> SqlStates.alreadyExists(n.getSQLState()));
	}

	/**
	 * Notices of an {@code IF EXISTS} that skipped (their SQLSTATE is 00000, so count
	 * "skipping" messages).
	 */
	long skippedAsMissing() {
		return this.notices.stream()
			.filter((n) -> !SqlStates.alreadyExists(n.getSQLState()) && n.getMessage() != null
					&& n.getMessage().endsWith(", skipping"))
			.count();
	}
}
