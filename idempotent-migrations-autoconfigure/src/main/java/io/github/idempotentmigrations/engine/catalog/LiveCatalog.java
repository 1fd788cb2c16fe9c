package io.github.idempotentmigrations.engine.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.idempotentmigrations.engine.sql.ObjectName;

/**
 * Reads the catalog as it is now, on the migration's own connection (inside its
 * transaction), every time: nothing is cached, so no decision can rest on what an earlier
 * statement saw. Counts its queries so tests and benchmarks can hold the engine to its
 * cost.
 */
public final class LiveCatalog {

	private final Connection connection;

	private int queryCount;

	public LiveCatalog(Connection connection) {
		this.connection = connection;
	}

	public int queryCount() {
		return this.queryCount;
	}

	public String currentSchema() throws SQLException {
		return single(CatalogQueries.CURRENT_SCHEMA)
			.orElseThrow(() -> new SQLException("no schema of the search path exists", "3F000"));
	}

	/** The relation a name resolves to, with its schema and relkind. */
	public Optional<DbObject> relation(ObjectName name) throws SQLException {
		return object(CatalogQueries.RELATION, name);
	}

	/** The type a name resolves to, with its schema, typtype and (for enums) labels. */
	public Optional<DbObject> type(ObjectName name) throws SQLException {
		return object(CatalogQueries.TYPE, name);
	}

	public boolean schemaExists(String schema) throws SQLException {
		return single(CatalogQueries.SCHEMA_EXISTS, schema).isPresent();
	}

	public boolean extensionExists(String extension) throws SQLException {
		return single(CatalogQueries.EXTENSION_EXISTS, extension).isPresent();
	}

	/**
	 * Routines of this name (every overload): identity arguments mapped to
	 * {@code pg_get_functiondef}.
	 */
	public Map<String, String> routines(ObjectName name) throws SQLException {
		Map<String, String> routines = new LinkedHashMap<>();
		this.queryCount++;
		try (PreparedStatement statement = this.connection.prepareStatement(CatalogQueries.ROUTINES)) {
			statement.setString(1, name.schema());
			statement.setString(2, name.name());
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					routines.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
				}
			}
		}
		return routines;
	}

	public boolean indexBeingBuiltElsewhere(ObjectName index) throws SQLException {
		return single(CatalogQueries.INDEX_BEING_BUILT, index.toSql()).isPresent();
	}

	/**
	 * The session's own temporary schema ({@code pg_temp_N}), once something was created
	 * in it.
	 */
	public String temporarySchema() throws SQLException {
		return single("SELECT nspname FROM pg_namespace WHERE oid = pg_my_temp_schema()").orElseThrow();
	}

	/**
	 * Rows of a table whose column holds NULL: what a refused {@code SET NOT NULL} would
	 * have to fill.
	 */
	public long nullRows(ObjectName table, String column) throws SQLException {
		return Long.parseLong(
				single("SELECT count(*) FROM " + table.toSql() + " WHERE " + ObjectName.quote(column) + " IS NULL")
					.orElseThrow());
	}

	/**
	 * A definition read with one of the {@link Definition} queries, or empty when the
	 * object does not exist.
	 */
	public Optional<String> definition(Definition kind, ObjectName name) throws SQLException {
		return single(kind.sql, name.toSql());
	}

	/**
	 * Details of a table (or partitioned, foreign table, materialized view), or empty
	 * when there is none.
	 */
	public Optional<TableDetails> table(ObjectName name) throws SQLException {
		Optional<DbObject> relation = relation(name);
		if (relation.isEmpty() || !"rpfm".contains(relation.get().kind())) {
			return Optional.empty();
		}
		return Optional.of(describe(new ObjectName(relation.get().schema(), name.name())));
	}

	/** Reads a table's details, also one that exists only inside a probe's savepoint. */
	public TableDetails describe(ObjectName qualified) throws SQLException {
		Map<String, Column> columns = new LinkedHashMap<>();
		Map<String, Constraint> constraints = new LinkedHashMap<>();
		Map<String, Index> indexes = new LinkedHashMap<>();
		Map<String, String> triggers = new LinkedHashMap<>();
		Map<String, String> policies = new LinkedHashMap<>();
		String parent = null;
		String bound = null;
		String persistence = null;
		String partitionKey = null;
		this.queryCount++;
		try (PreparedStatement statement = this.connection.prepareStatement(CatalogQueries.TABLE)) {
			statement.setString(1, qualified.toSql());
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					String name = rs.getString(2);
					switch (rs.getString(1)) {
						case "column" -> columns.put(name, column(rs, name));
						case "constraint" ->
							constraints.put(name, new Constraint(name, rs.getString(3), rs.getString(4)));
						case "index" ->
							indexes.put(name, new Index(name, rs.getString(3), "true".equals(rs.getString(4))));
						case "trigger" -> triggers.put(name, rs.getString(3));
						case "policy" -> policies.put(name, rs.getString(3));
						case "parent" -> {
							parent = name;
							bound = rs.getString(3);
						}
						case "relation" -> {
							persistence = name;
							partitionKey = rs.getString(3);
						}
						default -> throw new IllegalStateException("unexpected catalog row " + rs.getString(1));
					}
				}
			}
		}
		return new TableDetails(columns, constraints, indexes, triggers, policies, parent, bound, persistence,
				partitionKey);
	}

	/**
	 * {@code attidentity || attgenerated}: 'a' or 'd' for identity columns, 's' for
	 * stored generated ones.
	 */
	private static Column column(ResultSet rs, String name) throws SQLException {
		String identityAndGenerated = rs.getString(6);
		return new Column(name, rs.getString(3), "true".equals(rs.getString(4)), rs.getString(5),
				identityAndGenerated.replace("s", ""), identityAndGenerated.contains("s"), rs.getString(8));
	}

	private Optional<DbObject> object(String sql, ObjectName name) throws SQLException {
		this.queryCount++;
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			statement.setString(1, name.toSql());
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? Optional.of(new DbObject(rs.getString(1), name.name(), rs.getString(2),
						(rs.getMetaData().getColumnCount() > 2) ? rs.getString(3) : null)) : Optional.empty();
			}
		}
	}

	private Optional<String> single(String sql, String... parameters) throws SQLException {
		this.queryCount++;
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
			}
		}
	}

	/** Definitions of schema-level objects, each independent of the object's own name. */
	public enum Definition {

		/** A view's or materialized view's query and options. */
		VIEW(CatalogQueries.VIEW),
		/** A sequence's type, bounds, increment, cache and cycling, not its value. */
		SEQUENCE(CatalogQueries.SEQUENCE),
		/** A composite type's attributes and their types. */
		COMPOSITE_TYPE(CatalogQueries.COMPOSITE_TYPE),
		/** A domain's base type, nullability, default and checks. */
		DOMAIN(CatalogQueries.DOMAIN),
		/** Any other type's kind and, for a range, its subtype. */
		OTHER_TYPE(CatalogQueries.OTHER_TYPE);

		private final String sql;

		Definition(String sql) {
			this.sql = sql;
		}

	}

}
