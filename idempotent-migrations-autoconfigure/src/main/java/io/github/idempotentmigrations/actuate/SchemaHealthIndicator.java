package io.github.idempotentmigrations.actuate;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code schema} health contributor, backed by the cached {@link LiveSchemaCheck} so probes stay cheap. UP when
 * the schema is converged; DOWN when the application cannot work on it (unreachable, not converged, failed or pending
 * migrations, or missing tables, columns or other objects queries use); {@link #DRIFTED} when it departs from the
 * expected schema otherwise (an index missing or invalid, an object defined differently, a comment or privilege
 * missing), which the application survives: Boot's default status order ignores that status, so it does
 * not take the root health group down, and a group that should fail on it lists it in its status order; UNKNOWN
 * when Flyway migrates another database than PostgreSQL.
 */
public final class SchemaHealthIndicator extends AbstractHealthIndicator {

    /** The schema departs from the expected one, but nothing queries use is missing. */
    public static final Status DRIFTED = new Status("DRIFTED",
            "The schema departs from what the migrations build, but nothing queries use is missing");

    private final LiveSchemaCheck check;

    public SchemaHealthIndicator(LiveSchemaCheck check) {
        super("Schema health check failed");
        this.check = check;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        SchemaStatus status = this.check.status();
        builder.status(healthOf(status)).withDetail("state", status.state());
        if (status.currentVersion() != null) {
            builder.withDetail("currentVersion", status.currentVersion());
        }
        builder.withDetail("pending", status.pending())
            .withDetail("failed", status.failed())
            .withDetail("conflicts", status.conflicts())
            .withDetail("drift", status.driftDescriptions())
            .withDetail("driftChecked", status.drift().isPresent())
            .withDetail("problems", status.problems())
            .withDetail("checkedAt", status.checkedAt());
        if (status.driftUnchecked() != null) {
            builder.withDetail("driftNotChecked", status.driftUnchecked());
        }
        if (status.error() != null) {
            builder.withDetail("error", status.error());
        }
    }

    private static Status healthOf(SchemaStatus status) {
        return switch (status.state()) {
            case CONVERGED -> Status.UP;
            case DRIFTED -> status.queriesUnaffected() ? DRIFTED : Status.DOWN;
            case OTHER_DATABASE -> Status.UNKNOWN;
            case UNREACHABLE, NOT_CONVERGED, FAILED, PENDING -> Status.DOWN;
        };
    }
}
