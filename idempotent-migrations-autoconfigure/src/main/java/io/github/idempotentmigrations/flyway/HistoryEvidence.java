package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.idempotentmigrations.engine.ExpectedObjects;
import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.sql.SqlScriptSplitter;
import io.github.idempotentmigrations.engine.sql.StatementClassifier;
import io.github.idempotentmigrations.engine.sql.StatementKind;
import io.github.idempotentmigrations.engine.verify.Drift;
import io.github.idempotentmigrations.engine.verify.SchemaVerifier;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * What the pending migrations' own statements tell about lost history, without a shadow: whether the schema already
 * holds what several of them build (a sign worth a shadow before anything runs), and whether they change rows in a
 * way no schema or row count can show was done (then they are never taken as applied).
 */
final class HistoryEvidence {

    // An UPDATE or DELETE leaves no trace a catalog or a row count shows: whether it ran cannot be told.
    private static final Set<StatementKind> UNSEEN_DATA = EnumSet.of(StatementKind.UPDATE, StatementKind.DELETE,
            StatementKind.TRUNCATE);

    private final PendingScripts scripts;

    private final List<MigrationInfo> pending;

    HistoryEvidence(Configuration configuration, List<MigrationInfo> pending) {
        this.scripts = new PendingScripts(configuration);
        this.pending = pending;
    }

    /**
     * The pending migrations that built an object which is already there, when there are at least two: one object
     * made by hand ahead of its migration is an ordinary hot-fix, left to the normal path; objects of several
     * migrations mean the schema ran them. Costs one catalog query per object type.
     */
    Optional<List<String>> severalAlreadyBuilt(List<MigrationInfo> applied, Connection session) throws SQLException {
        String schema = MigratedSchemas.currentSchema(session);
        Set<EnsuredObject> builtBefore = Set.copyOf(ExpectedObjects.of(this.scripts.statementsOf(applied), schema));
        Map<MigrationInfo, List<EnsuredObject>> builtBy = new LinkedHashMap<>();
        for (MigrationInfo migration : this.pending) {
            builtBy.put(migration, ExpectedObjects.of(this.scripts.statementsOf(List.of(migration)), schema));
        }
        Set<EnsuredObject> candidates = new HashSet<>();
        builtBy.values().forEach(candidates::addAll);
        candidates.removeAll(builtBefore);
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<EnsuredObject> checked = List.copyOf(candidates);
        Set<EnsuredObject> absent = new SchemaVerifier().verify(session, checked)
            .drift()
            .stream()
            .map(Drift::object)
            .collect(Collectors.toSet());
        List<String> versions = builtBy.entrySet()
            .stream()
            .filter(built -> built.getValue()
                .stream()
                .anyMatch(object -> candidates.contains(object) && !absent.contains(object)))
            .map(built -> built.getKey().getVersion().getVersion())
            .toList();
        return (versions.size() >= 2) ? Optional.of(versions) : Optional.empty();
    }

    /** Whether a pending migration changes rows unseen: an UPDATE or DELETE, or Java code. */
    boolean changesRowsUnseen() {
        return this.pending.stream()
            .anyMatch(migration -> this.scripts.script(migration)
                .map(text -> SqlScriptSplitter.split(text)
                    .stream()
                    .anyMatch(sql -> UNSEEN_DATA.contains(StatementClassifier.classify(sql).kind())))
                .orElse(true));
    }
}
