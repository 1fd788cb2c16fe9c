package io.github.idempotentmigrations.engine.verify;

import java.util.Locale;

import io.github.idempotentmigrations.engine.report.EnsuredObject;

/**
 * An object a run ensured that the database no longer has in the expected state.
 *
 * @param object the object
 * @param problem what is wrong with it
 */
public record Drift(EnsuredObject object, Problem problem) {

    public enum Problem {
        /** Not in the catalog. */
        MISSING,
        /** In the catalog but unusable (an index left INVALID by a failed concurrent build). */
        INVALID
    }

    /** Human-readable, e.g. {@code column public.chats.last_message_at is missing}. */
    public String describe() {
        return object.describe() + " is " + problem.name().toLowerCase(Locale.ROOT);
    }
}
