package io.github.idempotentmigrations.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsAutoConfiguration;
import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.testsupport.TestDatabase;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * One application startup with the starter on a database, migrating a Flyway location, as
 * an application does it: DataSource, Flyway and the starter's auto-configuration,
 * nothing else.
 *
 * @param time how long the context took to start (or to fail)
 * @param failure why it did not start; null when it did
 */
record StarterRun(Duration time, Throwable failure) {

	static StarterRun on(TestDatabase database, String location, String... properties) {
		Throwable[] failure = new Throwable[1];
		long start = System.nanoTime();
		List<String> values = new ArrayList<>(List.of("spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
				"spring.flyway.locations=" + location, "idempotent-migrations.connect.timeout=5s"));
		values.addAll(List.of(properties));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					IdempotentMigrationsAutoConfiguration.class))
			.withPropertyValues(values.toArray(String[]::new))
			.run((context) -> failure[0] = context.getStartupFailure());
		return new StarterRun(Duration.ofNanos(System.nanoTime() - start), failure[0]);
	}

	/**
	 * Fails with the startup failure's full chain of messages when the application did
	 * not start.
	 */
	StarterRun requireStarted() {
		if (this.failure != null) {
			throw new AssertionError("Startup failed: " + messages(this.failure), this.failure);
		}
		return this;
	}

	Optional<SchemaConvergenceException> convergenceFailure() {
		for (Throwable cause = this.failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SchemaConvergenceException convergence) {
				return Optional.of(convergence);
			}
		}
		return Optional.empty();
	}

	static String messages(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			text.append("\n  caused by ")
				.append(cause.getClass().getSimpleName())
				.append(": ")
				.append(cause.getMessage());
		}
		return text.toString();
	}
}
