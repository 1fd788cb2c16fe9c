package io.github.idempotentmigrations.flyway;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Runs Flyway work the application did not ask for (a live check, a shadow build) without
 * Flyway's INFO lines: they would read as the application's own database being migrated,
 * or, from health probes, fill the log all day. Flyway's logging is global, so its logger
 * is raised to WARN for the call and given back its configured level; warnings and errors
 * still show.
 */
public final class QuietFlyway {

	private static final String FLYWAY = "org.flywaydb";

	private QuietFlyway() {
	}

	public static <T, E extends Exception> T call(Work<T, E> work) throws E {
		try (Scope quiet = begin()) {
			return work.run();
		}
	}

	/** Flyway is quiet until the scope is closed. */
	static Scope begin() {
		LoggingSystem logging = LoggingSystem.get(QuietFlyway.class.getClassLoader());
		LoggerConfiguration configured = logging.getLoggerConfiguration(FLYWAY);
		logging.setLogLevel(FLYWAY, LogLevel.WARN);
		return () -> logging.setLogLevel(FLYWAY, (configured != null) ? configured.getConfiguredLevel() : null);
	}

	/** Flyway work that returns a result and may throw {@code E}. */
	@FunctionalInterface
	public interface Work<T, E extends Exception> {

		T run() throws E;

	}

	/** Gives Flyway's logger back its configured level. */
	interface Scope extends AutoCloseable {

		@Override
		void close();

	}

}
