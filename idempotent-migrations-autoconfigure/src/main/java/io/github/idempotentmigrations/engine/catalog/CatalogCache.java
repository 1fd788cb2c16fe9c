package io.github.idempotentmigrations.engine.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.idempotentmigrations.engine.sql.ObjectName;

/**
 * What the engine knows of the catalog during one run. Schema-level objects are read once in a single query; a
 * table's details in one query when first needed. After each DDL statement the engine tells the cache what it
 * changed ({@link #tableChanged}) or, when it cannot know, drops everything ({@link #invalidateAll}). Counts its own
 * queries so tests can hold the engine to its cost.
 */
public final class CatalogCache {

    private Map<String, DbObject> objects;

    private String currentSchema;

    private final Map<String, TableDetails> tables = new HashMap<>();

    private int queryCount;

    public int queryCount() {
        return this.queryCount;
    }

    /** The schema unqualified names resolve to (first existing schema of the search path). */
    public String currentSchema(Connection connection) throws SQLException {
        objects(connection);
        return this.currentSchema;
    }

    /** The name qualified with the current schema when it has none. */
    public ObjectName qualify(Connection connection, ObjectName name) throws SQLException {
        return name.inSchema(currentSchema(connection));
    }

    public Optional<DbObject> relation(Connection connection, ObjectName name) throws SQLException {
        return find(connection, "relation", qualify(connection, name));
    }

    public Optional<DbObject> type(Connection connection, ObjectName name) throws SQLException {
        return find(connection, "type", qualify(connection, name));
    }

    public boolean schemaExists(Connection connection, String schema) throws SQLException {
        return objects(connection).containsKey(key("schema", schema, schema));
    }

    public boolean extensionExists(Connection connection, String extension) throws SQLException {
        return objects(connection).containsKey(key("extension", null, extension));
    }

    /** Functions or procedures with this name, any overload. */
    public boolean functionExists(Connection connection, ObjectName name) throws SQLException {
        return find(connection, "function", qualify(connection, name)).isPresent();
    }

    /** Records a label added to a cached enum type, so the next statement sees it without a reload. */
    public void enumLabelAdded(Connection connection, ObjectName type, String label) throws SQLException {
        ObjectName qualified = qualify(connection, type);
        String key = key("type", qualified.schema(), qualified.name());
        DbObject cached = objects(connection).get(key);
        if (cached != null) {
            String labels = (cached.detail() == null) ? label : cached.detail() + "\n" + label;
            this.objects.put(key, new DbObject(cached.schema(), cached.name(), cached.kind(), labels));
        }
    }

    /** Details of a table, or empty when no table of that name exists. */
    public Optional<TableDetails> table(Connection connection, ObjectName name) throws SQLException {
        ObjectName qualified = qualify(connection, name);
        Optional<DbObject> relation = relation(connection, qualified);
        if (relation.isEmpty() || !"rpfm".contains(relation.get().kind())) {
            return Optional.empty();
        }
        TableDetails details = this.tables.get(qualified.toString());
        if (details == null) {
            details = loadTable(connection, qualified);
            this.tables.put(qualified.toString(), details);
        }
        return Optional.of(details);
    }

    /** Forgets what was read of one table (its columns, constraints, indexes changed). */
    public void tableChanged(Connection connection, ObjectName table) throws SQLException {
        this.tables.remove(qualify(connection, table).toString());
    }

    /**
     * Records that a schema-level object now exists, without re-reading the catalog.
     * @param category {@code relation}, {@code type} or {@code function}
     * @param kind its relkind, typtype or prokind
     */
    public void objectCreated(Connection connection, String category, ObjectName name, String kind)
            throws SQLException {
        ObjectName qualified = qualify(connection, name);
        objects(connection).put(key(category, qualified.schema(), qualified.name()),
                new DbObject(qualified.schema(), qualified.name(), kind, null));
    }

    /** Forgets everything: after a statement whose effect on the catalog the engine cannot know. */
    public void invalidateAll() {
        this.objects = null;
        this.tables.clear();
    }

    private Optional<DbObject> find(Connection connection, String category, ObjectName qualified)
            throws SQLException {
        return Optional.ofNullable(objects(connection).get(key(category, qualified.schema(), qualified.name())));
    }

    private Map<String, DbObject> objects(Connection connection) throws SQLException {
        if (this.objects == null) {
            Map<String, DbObject> loaded = new HashMap<>();
            this.queryCount++;
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(CatalogQueries.OBJECTS)) {
                while (rs.next()) {
                    String category = rs.getString(1);
                    if ("current".equals(category)) {
                        this.currentSchema = rs.getString(2);
                        continue;
                    }
                    DbObject object = new DbObject(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5));
                    // relations and types share names (a table's row type); the relation wins in its category
                    loaded.putIfAbsent(key(category, object.schema(), object.name()), object);
                }
            }
            this.objects = loaded;
        }
        return this.objects;
    }

    /** Reads a table's details without caching them: for probe tables that exist only inside a savepoint. */
    public TableDetails describeUncached(Connection connection, ObjectName qualified) throws SQLException {
        return loadTable(connection, qualified);
    }

    private TableDetails loadTable(Connection connection, ObjectName qualified) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        Map<String, Constraint> constraints = new LinkedHashMap<>();
        Map<String, Index> indexes = new LinkedHashMap<>();
        Map<String, String> triggers = new LinkedHashMap<>();
        Map<String, String> policies = new LinkedHashMap<>();
        String parent = null;
        this.queryCount++;
        try (PreparedStatement statement = connection.prepareStatement(CatalogQueries.TABLE)) {
            statement.setString(1, qualified.toSql());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString(2);
                    switch (rs.getString(1)) {
                        case "column" -> columns.put(name, new Column(name, rs.getString(3),
                                "true".equals(rs.getString(4)), rs.getString(5), rs.getString(6)));
                        case "constraint" -> constraints.put(name, new Constraint(name, rs.getString(3),
                                rs.getString(4)));
                        case "index" -> indexes.put(name, new Index(name, rs.getString(3),
                                "true".equals(rs.getString(4)), "true".equals(rs.getString(5))));
                        case "trigger" -> triggers.put(name, rs.getString(3));
                        case "policy" -> policies.put(name, rs.getString(3));
                        case "parent" -> parent = name;
                        default -> throw new IllegalStateException("unexpected catalog row " + rs.getString(1));
                    }
                }
            }
        }
        return new TableDetails(columns, constraints, indexes, triggers, policies, parent);
    }

    /** Runs one of the fingerprint queries. */
    public String fingerprint(Connection connection, Fingerprint fingerprint) throws SQLException {
        this.queryCount++;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(fingerprint.sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Fingerprint of a table's settings, to tell whether an unguarded {@code ALTER TABLE} action changed any. */
    public String tableSettingsFingerprint(Connection connection, ObjectName qualified) throws SQLException {
        this.queryCount++;
        try (PreparedStatement statement = connection.prepareStatement(CatalogQueries.TABLE_SETTINGS_FINGERPRINT)) {
            statement.setString(1, qualified.toSql());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static String key(String category, String schema, String name) {
        return category + '\u0000' + schema + '\u0000' + name;
    }

    /** Catalog-wide fingerprints for statements whose effect is only known by comparing before and after. */
    public enum Fingerprint {
        COMMENTS(CatalogQueries.COMMENTS_FINGERPRINT),
        PRIVILEGES(CatalogQueries.PRIVILEGES_FINGERPRINT),
        SCHEMA(CatalogQueries.SCHEMA_FINGERPRINT);

        private final String sql;

        Fingerprint(String sql) {
            this.sql = sql;
        }
    }
}
