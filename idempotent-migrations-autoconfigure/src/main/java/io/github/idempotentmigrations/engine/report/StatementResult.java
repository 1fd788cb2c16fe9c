package io.github.idempotentmigrations.engine.report;

import java.time.Duration;
import java.util.List;

/**
 * What happened to one migration statement.
 *
 * @param index position of the statement in its migration, from 1
 * @param sql the statement (after placeholder replacement)
 * @param kind the classified statement kind (e.g. {@code CREATE_TABLE})
 * @param object the object it is about, e.g. {@code public.users.email}; may be null
 * @param outcome what the engine did
 * @param reason one sentence saying why, for people
 * @param actions SQL the engine ran in place of, or in addition to, the statement (reconciliation)
 * @param expected for CONFLICT, and for a SKIPPED whose object differs (a warning): the definition the statement
 *     describes; otherwise null
 * @param actual for CONFLICT and such a warning: the definition found in the database; otherwise null
 * @param sqlState for FAILED: the SQLSTATE of the error; otherwise null
 * @param duration time spent on the statement, catalog checks included
 */
public record StatementResult(int index, String sql, String kind, String object, Outcome outcome, String reason,
        List<String> actions, String expected, String actual, String sqlState, Duration duration) {

    public StatementResult {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** Whether the statement changed the schema (APPLIED or RECONCILED with a DDL kind). */
    public boolean changedSchema() {
        return (outcome == Outcome.APPLIED || outcome == Outcome.RECONCILED) && !isDataKind();
    }

    private boolean isDataKind() {
        return switch (kind) {
            case "INSERT", "UPDATE", "DELETE", "TRUNCATE", "COPY", "UTILITY" -> true;
            default -> false;
        };
    }
}
