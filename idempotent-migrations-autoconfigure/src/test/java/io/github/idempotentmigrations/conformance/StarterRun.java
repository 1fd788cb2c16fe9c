package io.github.idempotentmigrations.conformance;

import java.time.Duration;
import java.util.Optional;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.flyway.MigratingApplication;
import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * One application startup with the starter on a database, migrating a Flyway location, as an application does it:
 * DataSource, Flyway and the starter's auto-configuration, nothing else.
 *
 * @param time how long the context took to start (or to fail)
 * @param failure why it did not start; null when it did
 */
record StarterRun(Duration time, Throwable failure) {

    static StarterRun on(TestDatabase database, String location, String... properties) {
        Throwable[] failure = new Throwable[1];
        long start = System.nanoTime();
        MigratingApplication.onLocation(database, location, properties)
            .run(context -> failure[0] = context.getStartupFailure());
        return new StarterRun(Duration.ofNanos(System.nanoTime() - start), failure[0]);
    }

    /** Fails with the startup failure's full chain of messages when the application did not start. */
    StarterRun requireStarted() {
        if (failure != null) {
            throw new AssertionError("Startup failed: " + messages(failure), failure);
        }
        return this;
    }

    Optional<SchemaConvergenceException> convergenceFailure() {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SchemaConvergenceException convergence) {
                return Optional.of(convergence);
            }
        }
        return Optional.empty();
    }

    static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append("\n  caused by ").append(cause.getClass().getSimpleName()).append(": ")
                .append(cause.getMessage());
        }
        return text.toString();
    }
}
