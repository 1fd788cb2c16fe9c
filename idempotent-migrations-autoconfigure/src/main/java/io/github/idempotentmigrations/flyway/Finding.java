package io.github.idempotentmigrations.flyway;

/**
 * One thing inspection found that keeps the database from being converged, before any policy is applied.
 *
 * @param kind what it is
 * @param subject what it was found on, e.g. {@code 3 "add index"} or {@code public.users_email_idx}
 * @param description a sentence for people
 */
record Finding(Kind kind, String subject, String description) {

    enum Kind {

        UNHISTORIED_SCHEMA("unhistoried-schema", false),
        FAILED_MIGRATION("failed-migrations", false),
        CHECKSUM_MISMATCH("checksum-mismatches", false),
        MISSING_MIGRATION("missing-migrations", true),
        INVALID_INDEX("invalid-indexes", true);

        private final String property;

        private final boolean canBeLeftAsIs;

        Kind(String property, boolean canBeLeftAsIs) {
            this.property = property;
            this.canBeLeftAsIs = canBeLeftAsIs;
        }

        /** The property that sets the policy, e.g. {@code idempotent-migrations.repair.failed-migrations}. */
        String property() {
            return "idempotent-migrations.repair." + this.property;
        }

        /** Whether migrating can go on with it still there (so WARN is meaningful); Flyway refuses the others. */
        boolean canBeLeftAsIs() {
            return this.canBeLeftAsIs;
        }
    }
}
