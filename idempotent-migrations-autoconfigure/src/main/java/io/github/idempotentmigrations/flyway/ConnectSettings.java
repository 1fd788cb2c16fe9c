package io.github.idempotentmigrations.flyway;

import java.time.Duration;

/**
 * How long startup waits, from the {@code idempotent-migrations.connect.*} properties.
 *
 * @param timeout how long to wait for the database
 * @param initialBackoff first pause between connection attempts
 * @param maxBackoff longest pause between connection attempts
 * @param lockTimeout PostgreSQL lock_timeout for repair and migration statements; zero
 * waits forever
 */
public record ConnectSettings(Duration timeout, Duration initialBackoff, Duration maxBackoff, Duration lockTimeout) {

	/**
	 * The {@code SET} that makes PostgreSQL give up waiting for a lock after
	 * {@link #lockTimeout()}.
	 */
	public String lockTimeoutSql() {
		return "SET lock_timeout = '" + this.lockTimeout.toMillis() + "ms'";
	}
}
