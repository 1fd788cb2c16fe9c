package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.CatalogCache.Fingerprint;
import io.github.idempotentmigrations.engine.sql.StatementKind;

/**
 * Statements without a dedicated guard ({@code UNKNOWN}, {@code DO} blocks, {@code COMMENT}, {@code GRANT}, ...):
 * run under a savepoint. A duplicate-object error counts as "already present" only once the catalog confirms the
 * object the error names exists (42P07 and 42710 are broad). Where a catalog fingerprint exists for the kind, an
 * unchanged fingerprint reports the statement as already in effect.
 */
final class FallbackGuard {

    private FallbackGuard() {
    }

    static Verdict apply(StatementExecution ex) throws SQLException {
        Fingerprint fingerprint = fingerprintFor(ex.statement.kind());
        String before = (fingerprint != null) ? ex.catalog.fingerprint(ex.connection, fingerprint) : null;
        SQLException error = ex.attempt(() -> {
            ex.runAsWritten();
            return null;
        });
        ex.catalog.invalidateAll();
        if (error != null) {
            Optional<String> present = DuplicateObjects.confirmedPresent(ex, error);
            if (present.isPresent()) {
                return Verdict.skipped(present.get(), "already present (" + error.getSQLState()
                        + ", confirmed in the catalog)");
            }
            throw error;
        }
        if (before != null && before.equals(ex.catalog.fingerprint(ex.connection, fingerprint))) {
            return Verdict.skipped(ex.statement.target(), "already in effect: running it changed nothing");
        }
        return Verdict.applied(ex.statement.target(), "ran as written");
    }

    private static Fingerprint fingerprintFor(StatementKind kind) {
        return switch (kind) {
            case COMMENT -> Fingerprint.COMMENTS;
            case GRANT, REVOKE -> Fingerprint.PRIVILEGES;
            case DO_BLOCK -> Fingerprint.SCHEMA;
            default -> null;
        };
    }
}
