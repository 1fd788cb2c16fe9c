package io.github.idempotentmigrations.flyway;

/** What startup does about applied migrations whose script changed since. */
public enum ChecksumMismatchPolicy implements RepairChoice {
    /** Run the edited script through the engine and realign the checksum. */
    REPAIR,
    /** Stop startup. */
    FAIL
}
