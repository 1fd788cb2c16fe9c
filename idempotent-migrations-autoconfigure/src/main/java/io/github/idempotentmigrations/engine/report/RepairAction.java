package io.github.idempotentmigrations.engine.report;

/**
 * Something the startup did to the database or its history outside of running a migration.
 *
 * @param kind what was found, e.g. {@code FAILED_MIGRATION}, {@code CHECKSUM_MISMATCH}
 * @param subject what it was found on, e.g. {@code V3 "add index"} or {@code public.users_email_idx}
 * @param action what was done about it, for people
 */
public record RepairAction(String kind, String subject, String action) {
}
