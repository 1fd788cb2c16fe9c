package io.github.idempotentmigrations.engine.verify;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.verify.Drift.Problem;

/**
 * Checks that objects a run ensured are still present and valid. Costs at most one {@code pg_catalog} query per
 * object type in the list, however many objects there are: each query takes the objects as arrays and returns only
 * the ones that are missing or invalid.
 */
public final class SchemaVerifier {

    /** Resolves the table an object belongs to; unqualified names resolve against the session's current schema. */
    private static final String TABLE_OID = "(SELECT c.oid FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace"
            + " WHERE ns.nspname = coalesce(o.s, current_schema()) AND c.relname = o.t)";

    private static final String IN_SCHEMA = "ns.nspname = coalesce(o.s, current_schema())";

    public VerificationResult verify(Connection connection, List<EnsuredObject> objects) throws SQLException {
        Map<EnsuredObject.Type, List<Integer>> positionsByType = new EnumMap<>(EnsuredObject.Type.class);
        for (int i = 0; i < objects.size(); i++) {
            positionsByType.computeIfAbsent(objects.get(i).type(), type -> new ArrayList<>()).add(i);
        }
        List<Positioned> found = new ArrayList<>();
        for (Map.Entry<EnsuredObject.Type, List<Integer>> entry : positionsByType.entrySet()) {
            found.addAll(findDrift(connection, entry.getKey(), objects, entry.getValue()));
        }
        found.sort(Comparator.comparingInt(Positioned::position));
        return new VerificationResult(objects.size(), found.stream().map(Positioned::drift).toList());
    }

    private List<Positioned> findDrift(Connection connection, EnsuredObject.Type type, List<EnsuredObject> objects,
            List<Integer> positions) throws SQLException {
        String sql = "SELECT ord, problem FROM (SELECT o.ord, (" + problemExpression(type) + ") AS problem"
                + " FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS o(s, t, n, ord)) checked"
                + " WHERE problem IS NOT NULL";
        List<Positioned> drift = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, textArray(connection, positions, objects, EnsuredObject::schema));
            statement.setArray(2, textArray(connection, positions, objects, EnsuredObject::table));
            statement.setArray(3, textArray(connection, positions, objects, EnsuredObject::name));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    int position = positions.get(rows.getInt(1) - 1);
                    drift.add(new Positioned(position,
                            new Drift(objects.get(position), Problem.valueOf(rows.getString(2)))));
                }
            }
        }
        return drift;
    }

    private static Array textArray(Connection connection, List<Integer> positions, List<EnsuredObject> objects,
            Function<EnsuredObject, String> part) throws SQLException {
        return connection.createArrayOf("text", positions.stream().map(p -> part.apply(objects.get(p))).toArray());
    }

    /** SQL yielding 'MISSING', 'INVALID' or NULL (fine) for the object {@code o(s, t, n)}: schema, table, name. */
    private static String problemExpression(EnsuredObject.Type type) {
        return switch (type) {
            case SCHEMA -> missingUnless("SELECT 1 FROM pg_namespace WHERE nspname = o.n");
            case EXTENSION -> missingUnless("SELECT 1 FROM pg_extension WHERE extname = o.n");
            case TABLE -> relation("'r', 'p'");
            case VIEW -> relation("'v'");
            case MATERIALIZED_VIEW -> relation("'m'");
            case SEQUENCE -> relation("'S'");
            case COLUMN -> missingUnless("SELECT 1 FROM pg_attribute WHERE attrelid = " + TABLE_OID
                    + " AND attname = o.n AND attnum > 0 AND NOT attisdropped");
            case CONSTRAINT -> missingUnless("SELECT 1 FROM pg_constraint WHERE conrelid = " + TABLE_OID
                    + " AND conname = o.n");
            case INDEX -> "nullif(coalesce((SELECT CASE WHEN x.indisvalid THEN 'VALID' ELSE 'INVALID' END"
                    + " FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid"
                    + " JOIN pg_namespace ns ON ns.oid = c.relnamespace WHERE " + IN_SCHEMA + " AND c.relname = o.n),"
                    + " 'MISSING'), 'VALID')";
            case TYPE -> missingUnless("SELECT 1 FROM pg_type ty JOIN pg_namespace ns ON ns.oid = ty.typnamespace"
                    + " WHERE " + IN_SCHEMA + " AND ty.typname = o.n");
            case ENUM_VALUE -> missingUnless("SELECT 1 FROM pg_enum e JOIN pg_type ty ON ty.oid = e.enumtypid"
                    + " JOIN pg_namespace ns ON ns.oid = ty.typnamespace"
                    + " WHERE " + IN_SCHEMA + " AND ty.typname = o.t AND e.enumlabel = o.n");
            case FUNCTION -> missingUnless("SELECT 1 FROM pg_proc p JOIN pg_namespace ns ON ns.oid = p.pronamespace"
                    + " WHERE " + IN_SCHEMA + " AND p.proname = o.n");
            case TRIGGER -> missingUnless("SELECT 1 FROM pg_trigger WHERE tgrelid = " + TABLE_OID
                    + " AND tgname = o.n AND NOT tgisinternal");
            case POLICY -> missingUnless("SELECT 1 FROM pg_policy WHERE polrelid = " + TABLE_OID
                    + " AND polname = o.n");
        };
    }

    private static String relation(String relkinds) {
        return missingUnless("SELECT 1 FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace"
                + " WHERE " + IN_SCHEMA + " AND c.relname = o.n AND c.relkind IN (" + relkinds + ")");
    }

    private static String missingUnless(String existsQuery) {
        return "CASE WHEN EXISTS (" + existsQuery + ") THEN NULL ELSE 'MISSING' END";
    }

    private record Positioned(int position, Drift drift) {
    }
}
