package io.github.idempotentmigrations.flyway;

import io.github.idempotentmigrations.engine.StopReason;

/**
 * One thing inspection found that keeps the database from being converged, before any
 * policy is applied.
 *
 * @param kind what it is
 * @param subject what it was found on, e.g. {@code 3 "add index"} or
 * {@code public.users_email_idx}
 * @param description a sentence for people
 * @param remedy what a person can do about it beyond the policy, or empty
 */
record Finding(Kind kind, String subject, String description, String remedy) {

	Finding(Kind kind, String subject, String description) {
		this(kind, subject, description, "");
	}

	enum Kind {

		UNHISTORIED_SCHEMA("unhistoried-schema"), FAILED_MIGRATION("failed-migrations"),
		CHECKSUM_MISMATCH("checksum-mismatches"), MISSING_MIGRATION("missing-migrations"),
		INVALID_INDEX("invalid-indexes"), DRIFT("drift");

		private final String property;

		Kind(String property) {
			this.property = property;
		}

		/**
		 * The property that sets the policy, e.g.
		 * {@code idempotent-migrations.repair.failed-migrations}.
		 */
		String property() {
			return "idempotent-migrations.repair." + this.property;
		}

		/**
		 * What stops startup when this kind's policy stops it: a checksum mismatch has
		 * advice of its own.
		 */
		StopReason stopReason() {
			return (this == CHECKSUM_MISMATCH) ? StopReason.CHECKSUM_MISMATCH : StopReason.REPAIR_SETTING;
		}

	}
}
