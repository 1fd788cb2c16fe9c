package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.idempotentmigrations.engine.ExpectedObjects;
import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.verify.Drift;
import io.github.idempotentmigrations.engine.verify.SchemaVerifier;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Every object the applied SQL migrations built, for the live drift check: a startup that ran no migration ensured
 * nothing itself, yet a column dropped by hand afterwards must show. Worked out once, on first use rather than at
 * startup (reading every script costs a restart time it should not), and only objects present at that moment are
 * watched: a statement the engine cannot follow must never make a converged schema look drifted.
 */
public final class AppliedSchemaObjects {

    private final Flyway flyway;

    private List<EnsuredObject> watched;

    public AppliedSchemaObjects(Flyway flyway) {
        this.flyway = flyway;
    }

    public synchronized List<EnsuredObject> watched(Connection connection) throws SQLException {
        if (this.watched == null) {
            this.watched = presentNow(connection);
        }
        return this.watched;
    }

    private List<EnsuredObject> presentNow(Connection connection) throws SQLException {
        List<MigrationInfo> applied = Arrays.stream(this.flyway.info().applied())
            .filter(m -> m.getState().isApplied() && !m.getState().isFailed() && !m.getType().isBaseline())
            .toList();
        List<EnsuredObject> expected = ExpectedObjects.of(
                new PendingScripts(this.flyway.getConfiguration()).statementsOf(applied), MigratedSchemas.currentSchema(connection));
        Set<EnsuredObject> missing = new SchemaVerifier().verify(connection, expected)
            .drift()
            .stream()
            .map(Drift::object)
            .collect(Collectors.toSet());
        return expected.stream().filter(o -> !missing.contains(o)).toList();
    }
}
