package io.github.idempotentmigrations.actuate;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code schema} health contributor: UP when the schema is converged, DOWN otherwise, with what is wrong.
 * Backed by the cached {@link LiveSchemaCheck}, so probes stay cheap.
 */
public final class SchemaHealthIndicator extends AbstractHealthIndicator {

    private final LiveSchemaCheck check;

    public SchemaHealthIndicator(LiveSchemaCheck check) {
        super("Schema health check failed");
        this.check = check;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        SchemaStatus status = this.check.status();
        builder.status(status.converged() ? Status.UP : Status.DOWN).withDetail("state", status.state());
        if (status.currentVersion() != null) {
            builder.withDetail("currentVersion", status.currentVersion());
        }
        builder.withDetail("pending", status.pending())
            .withDetail("failed", status.failed())
            .withDetail("conflicts", status.conflicts())
            .withDetail("drift", status.driftDescriptions())
            .withDetail("problems", status.problems())
            .withDetail("checkedAt", status.checkedAt());
        if (status.error() != null) {
            builder.withDetail("error", status.error());
        }
    }
}
