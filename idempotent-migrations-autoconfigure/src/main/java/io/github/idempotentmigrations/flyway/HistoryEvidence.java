package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.idempotentmigrations.engine.ExpectedObjects;
import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.verify.Drift;
import io.github.idempotentmigrations.engine.verify.SchemaVerifier;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * The cheap sign, before any pending migration runs, that the history may have lost rows: an object that only the
 * pending migrations build (read from their statements, as the live drift check does) is already there. Costs one
 * catalog query per object type and no shadow; an ordinary deploy finds nothing and goes on.
 */
final class HistoryEvidence {

    private HistoryEvidence() {
    }

    static Optional<EnsuredObject> builtOnlyByPending(Configuration configuration, List<MigrationInfo> applied,
            List<MigrationInfo> pending, Connection session) throws SQLException {
        PendingScripts scripts = new PendingScripts(configuration);
        String schema = MigratedSchemas.currentSchema(session);
        List<String> statements = new ArrayList<>(scripts.statementsOf(applied));
        Set<EnsuredObject> builtBefore = Set.copyOf(ExpectedObjects.of(statements, schema));
        statements.addAll(scripts.statementsOf(pending));
        List<EnsuredObject> onlyPending = ExpectedObjects.of(statements, schema)
            .stream()
            .filter(object -> !builtBefore.contains(object))
            .toList();
        if (onlyPending.isEmpty()) {
            return Optional.empty();
        }
        Set<EnsuredObject> absent = new SchemaVerifier().verify(session, onlyPending)
            .drift()
            .stream()
            .map(Drift::object)
            .collect(Collectors.toSet());
        return onlyPending.stream().filter(object -> !absent.contains(object)).findFirst();
    }
}
