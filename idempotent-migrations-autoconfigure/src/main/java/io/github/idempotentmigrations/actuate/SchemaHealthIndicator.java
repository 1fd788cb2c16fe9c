package io.github.idempotentmigrations.actuate;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code schema} health contributor, backed by the cached {@link LiveSchemaCheck} so
 * probes stay cheap. UP when the schema is converged; DOWN when the schema is not at the
 * migrations' version (unreachable, not converged, failed or pending migrations);
 * {@link #DRIFTED} when it departs from the expected schema (an object missing, such as a
 * partition a retention job dropped, invalid or defined differently), or DOWN then when
 * the user asks for it: drift is a fact to look at, not a reason to take every replica
 * out of service. Boot's default status order ignores DRIFTED, so it does not take the
 * root health group down, and answers HTTP 200; a group that should fail on it lists it
 * in its status order. UNKNOWN when Flyway migrates another database than PostgreSQL.
 */
public final class SchemaHealthIndicator extends AbstractHealthIndicator {

	/** The schema is at the migrations' version but departs from what they build. */
	public static final Status DRIFTED = new Status("DRIFTED",
			"The schema is at the migrations' version but departs from what they build");

	private final LiveSchemaCheck check;

	private final boolean downOnDrift;

	/**
	 * A health indicator reading the cached status of {@code check}.
	 * @param downOnDrift whether drift is DOWN rather than {@link #DRIFTED}
	 */
	public SchemaHealthIndicator(LiveSchemaCheck check, boolean downOnDrift) {
		super("Schema health check failed");
		this.check = check;
		this.downOnDrift = downOnDrift;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		SchemaStatus status = this.check.status();
		builder.status(healthOf(status, this.downOnDrift)).withDetail("state", status.state());
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

	private static Status healthOf(SchemaStatus status, boolean downOnDrift) {
		return switch (status.state()) {
			case CONVERGED -> Status.UP;
			case DRIFTED -> downOnDrift ? Status.DOWN : DRIFTED;
			case OTHER_DATABASE -> Status.UNKNOWN;
			case UNREACHABLE, NOT_CONVERGED, FAILED, PENDING -> Status.DOWN;
		};
	}

}
