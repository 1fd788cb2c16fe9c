package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every object of a database's user schemas (system schemas and extension members left out), as PostgreSQL
 * describes it.
 */
public final class SchemaSnapshot {

    private final Map<String, SchemaObject> objects;

    private SchemaSnapshot(Map<String, SchemaObject> objects) {
        this.objects = objects;
    }

    /** Reads the snapshot over the connection; leaves its search_path and transaction state as they were. */
    public static SchemaSnapshot read(Connection connection) throws SQLException {
        return CatalogSearchPath.with(connection, () -> {
            Map<String, SchemaObject> objects = new LinkedHashMap<>();
            try (Statement statement = connection.createStatement()) {
                for (ObjectKind kind : ObjectKind.values()) {
                    try (ResultSet rs = statement.executeQuery(SnapshotQueries.of(kind))) {
                        while (rs.next()) {
                            SchemaObject object = new SchemaObject(kind, rs.getString(1), rs.getString(2),
                                    rs.getString(3), rs.getString(4));
                            objects.put(object.key(), object);
                        }
                    }
                }
            }
            return new SchemaSnapshot(objects);
        });
    }

    public Collection<SchemaObject> objects() {
        return this.objects.values();
    }

    Optional<SchemaObject> find(SchemaObject like) {
        return Optional.ofNullable(this.objects.get(like.key()));
    }

    boolean containsTable(String name) {
        return name != null && this.objects.containsKey(ObjectKind.TABLE + " " + name);
    }
}
