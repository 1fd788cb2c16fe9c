package io.github.idempotentmigrations.flyway;

/** What startup does about INVALID indexes left by failed concurrent builds. */
public enum InvalidIndexPolicy implements RepairChoice {
    /** Drop and rebuild them. */
    REPAIR,
    /** Report them and leave them as they are. */
    WARN,
    /** Stop startup. */
    FAIL
}
