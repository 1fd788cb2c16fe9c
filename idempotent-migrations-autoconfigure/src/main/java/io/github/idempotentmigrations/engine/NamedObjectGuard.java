package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.Optional;

import io.github.idempotentmigrations.engine.Probe.ObjectFingerprint;
import io.github.idempotentmigrations.engine.catalog.DbObject;
import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.sql.Flag;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.StatementKind;

/**
 * Schema-level objects other than tables, indexes and enums: schemas, extensions and sequences (present means done),
 * and views, materialized views, functions, procedures, composite types, domains and other types (present and equal
 * means done, compared through a probe built in a throwaway schema).
 */
final class NamedObjectGuard {

    private NamedObjectGuard() {
    }

    static Verdict schema(StatementExecution ex) throws SQLException {
        String schema = ex.statement.target().name();
        return createUnlessPresent(ex, EnsuredObject.Type.SCHEMA, schema,
                ex.catalog.schemaExists(ex.connection, schema));
    }

    static Verdict extension(StatementExecution ex) throws SQLException {
        String extension = ex.statement.target().name();
        return createUnlessPresent(ex, EnsuredObject.Type.EXTENSION, extension,
                ex.catalog.extensionExists(ex.connection, extension));
    }

    /** Schemas and extensions: database-wide names, present means done. */
    private static Verdict createUnlessPresent(StatementExecution ex, EnsuredObject.Type type, String name,
            boolean present) throws SQLException {
        String what = type.name().toLowerCase();
        ex.run.ensure(new EnsuredObject(type, null, null, name));
        if (present) {
            return Verdict.skipped(name, what + " already exists");
        }
        ex.runAsWritten();
        // a new schema can change current_schema(); an extension brings objects of its own
        ex.catalog.invalidateAll();
        return Verdict.applied(name, what + " created");
    }

    static Verdict sequence(StatementExecution ex) throws SQLException {
        ObjectName sequence = ex.qualify(ex.statement.target());
        Optional<DbObject> relation = ex.catalog.relation(ex.connection, sequence);
        if (relation.isPresent() && !"S".equals(relation.get().kind())) {
            return Verdict.conflict(sequence, "a " + RelationKinds.describe(relation.get().kind()) + " named "
                    + sequence + " exists where the statement creates a sequence", "sequence " + sequence,
                    RelationKinds.describe(relation.get().kind()) + " " + sequence);
        }
        ex.ensure(EnsuredObject.Type.SEQUENCE, sequence, null);
        if (relation.isPresent()) {
            return Verdict.skipped(sequence, "sequence already exists");
        }
        ex.runAsWritten();
        ex.catalog.objectCreated(ex.connection, "relation", sequence, "S");
        return Verdict.applied(sequence, "sequence created");
    }

    /** Views, materialized views, functions, procedures, composite types, domains, other types. */
    static Verdict comparable(StatementExecution ex) throws SQLException {
        StatementKind kind = ex.statement.kind();
        ObjectName name = ex.qualify(ex.statement.target());
        ObjectFingerprint fingerprint = fingerprintOf(kind);
        ex.ensure(ensuredType(kind), name, null);
        boolean exists = exists(ex, kind, name);
        if (!exists) {
            Optional<ObjectName> renamed = ex.run.lookahead.objectRenamedLater(name, ex.currentSchema());
            if (renamed.isPresent() && exists(ex, kind, renamed.get())) {
                return Verdict.skipped(name, "a later statement renames it to " + renamed.get()
                        + ", which already exists");
            }
            ex.runAsWritten();
            recordCreated(ex, kind, name);
            return Verdict.applied(name, "created");
        }
        if (ex.run.lookahead.redefinedLater(name, ex.currentSchema(), kind)) {
            return Verdict.skipped(name, "exists; a later statement redefines or drops it");
        }
        String wanted = Probe.createdObjectFingerprint(ex, fingerprint, name.name());
        String have = Probe.fingerprint(ex, fingerprint, name);
        if (wanted != null && wanted.equals(have)) {
            return Verdict.skipped(name, "exists with the same definition");
        }
        if (ex.statement.has(Flag.OR_REPLACE)) {
            ex.runAsWritten();
            return Verdict.applied(name, "replaced with the statement's definition");
        }
        return Verdict.conflict(name, name + " exists with another definition", wanted, have);
    }

    /** Tells the cache the object now exists (a composite type also brings its relation; reload for those). */
    private static void recordCreated(StatementExecution ex, StatementKind kind, ObjectName name) throws SQLException {
        switch (kind) {
            case CREATE_VIEW -> ex.catalog.objectCreated(ex.connection, "relation", name, "v");
            case CREATE_MATERIALIZED_VIEW -> ex.catalog.objectCreated(ex.connection, "relation", name, "m");
            case CREATE_FUNCTION -> ex.catalog.objectCreated(ex.connection, "function", name, "f");
            case CREATE_PROCEDURE -> ex.catalog.objectCreated(ex.connection, "function", name, "p");
            case CREATE_DOMAIN -> ex.catalog.objectCreated(ex.connection, "type", name, "d");
            default -> ex.catalog.invalidateAll();
        }
    }

    private static boolean exists(StatementExecution ex, StatementKind kind, ObjectName name) throws SQLException {
        return switch (kind) {
            case CREATE_VIEW, CREATE_MATERIALIZED_VIEW -> ex.catalog.relation(ex.connection, name).isPresent();
            case CREATE_FUNCTION, CREATE_PROCEDURE -> ex.catalog.functionExists(ex.connection, name);
            default -> ex.catalog.type(ex.connection, name).isPresent();
        };
    }

    private static ObjectFingerprint fingerprintOf(StatementKind kind) {
        return switch (kind) {
            case CREATE_VIEW, CREATE_MATERIALIZED_VIEW -> ObjectFingerprint.VIEW;
            case CREATE_FUNCTION, CREATE_PROCEDURE -> ObjectFingerprint.FUNCTION;
            case CREATE_COMPOSITE_TYPE -> ObjectFingerprint.COMPOSITE_TYPE;
            case CREATE_DOMAIN -> ObjectFingerprint.DOMAIN;
            default -> ObjectFingerprint.OTHER_TYPE;
        };
    }

    private static EnsuredObject.Type ensuredType(StatementKind kind) {
        return switch (kind) {
            case CREATE_VIEW -> EnsuredObject.Type.VIEW;
            case CREATE_MATERIALIZED_VIEW -> EnsuredObject.Type.MATERIALIZED_VIEW;
            case CREATE_FUNCTION, CREATE_PROCEDURE -> EnsuredObject.Type.FUNCTION;
            default -> EnsuredObject.Type.TYPE;
        };
    }
}
