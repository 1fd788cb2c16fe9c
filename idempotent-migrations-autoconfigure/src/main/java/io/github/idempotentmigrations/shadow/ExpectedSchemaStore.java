package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The expected schema (what the applied migrations build, as PostgreSQL described it)
 * kept in a table beside Flyway's history, keyed by a fingerprint of the applied
 * migrations: a restart knows what the schema should look like without a new shadow, and
 * a live check can tell what drifted since.
 */
public final class ExpectedSchemaStore {

	private static final String UNDEFINED_TABLE = "42P01";

	/**
	 * The kind of the one row that records why no expected schema could be built for
	 * these migrations.
	 */
	private static final String UNAVAILABLE = "UNAVAILABLE";

	private final String table;

	/**
	 * The name of the expected schema's table beside the history table
	 * {@code historyTable}.
	 */
	public static String tableBeside(String historyTable) {
		return historyTable + "_expected";
	}

	/**
	 * A store kept in {@code table}.
	 * @param table the table, quoted and qualified, e.g.
	 * {@code "public"."flyway_schema_history_expected"}
	 */
	public ExpectedSchemaStore(String table) {
		this.table = table;
	}

	/**
	 * Whether an expected schema is stored for exactly these migrations, or why none
	 * could be built is; one query.
	 */
	public boolean isStored(Connection connection, String fingerprint) throws SQLException {
		if (missingInTransaction(connection)) {
			return false;
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + this.table + " WHERE migrations = ?)")) {
			statement.setString(1, fingerprint);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			if (neverStored(ex, connection)) {
				return false;
			}
			throw ex;
		}
	}

	/**
	 * The stored expected schema when it was stored for exactly these migrations (not
	 * when only why it could not be built was); one query.
	 */
	public Optional<SchemaSnapshot> load(Connection connection, String fingerprint) throws SQLException {
		if (missingInTransaction(connection)) {
			return Optional.empty();
		}
		List<SchemaObject> objects = new ArrayList<>();
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT kind, name, nullif(parent, ''), definition, nullif(ddl, '') FROM " + this.table
					+ " WHERE migrations = ?")) {
			statement.setString(1, fingerprint);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					Optional<ObjectKind> kind = kind(rs.getString(1));
					if (kind.isEmpty()) {
						// why none could be built, or written by another starter version
						return Optional.empty();
					}
					objects.add(new SchemaObject(kind.get(), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getString(5)));
				}
			}
		}
		catch (SQLException ex) {
			if (neverStored(ex, connection)) {
				return Optional.empty();
			}
			throw ex;
		}
		return objects.isEmpty() ? Optional.empty() : Optional.of(SchemaSnapshot.of(objects));
	}

	/**
	 * Why no expected schema could be built for these migrations, when that is what is
	 * stored for them.
	 */
	public Optional<String> unavailable(Connection connection, String fingerprint) throws SQLException {
		if (missingInTransaction(connection)) {
			return Optional.empty();
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT definition FROM " + this.table + " WHERE migrations = ? AND kind = ?")) {
			statement.setString(1, fingerprint);
			statement.setString(2, UNAVAILABLE);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
			}
		}
		catch (SQLException ex) {
			if (neverStored(ex, connection)) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * No table yet: a database migrated before the starter kept an expected schema
	 * (autocommit: nothing aborted).
	 */
	private static boolean neverStored(SQLException ex, Connection connection) throws SQLException {
		return UNDEFINED_TABLE.equals(ex.getSQLState()) && connection.getAutoCommit();
	}

	/**
	 * Inside a transaction a missing table must not be queried: the error would abort it.
	 */
	private boolean missingInTransaction(Connection connection) throws SQLException {
		if (connection.getAutoCommit()) {
			return false;
		}
		try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NULL")) {
			statement.setString(1, this.table);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private static Optional<ObjectKind> kind(String name) {
		try {
			return Optional.of(ObjectKind.valueOf(name));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Replaces what is stored, in one transaction: a concurrent reader sees the old
	 * expected schema or the new one. Bookkeeping entries (rows, sequence values) are not
	 * kept: drift is about objects, not data.
	 */
	public void save(Connection connection, String fingerprint, SchemaSnapshot expected) throws SQLException {
		replace(connection, () -> {
			insert(connection, fingerprint, expected);
			return null;
		});
	}

	/**
	 * Stores the schema of the connection's own database, in the given schemas, as the
	 * expected one, read and written by the server in one statement per object kind:
	 * nothing travels to the client and back.
	 */
	public void saveLive(Connection connection, String fingerprint, Collection<String> schemas) throws SQLException {
		replace(connection, () -> CatalogSearchPath.with(connection, schemas, () -> {
			// One round trip for every kind: the driver sends the statements together.
			StringBuilder statements = new StringBuilder();
			for (ObjectKind kind : ObjectKind.values()) {
				if (!kind.bookkeeping()) {
					statements.append("INSERT INTO ")
						.append(this.table)
						.append(" (migrations, kind, name, parent, definition, ddl) SELECT '")
						.append(fingerprint.replace("'", "''"))
						.append("', '")
						.append(kind.name())
						.append("', q.name, coalesce(q.parent, ''), coalesce(q.definition, ''), coalesce(q.ddl, '')")
						.append(" FROM (")
						.append(SnapshotQueries.of(kind, !schemas.isEmpty()))
						.append(") AS q(name, parent, definition, ddl);\n");
				}
			}
			// The table itself is the starter's, not the migrations': its table,
			// columns and comment go again.
			statements.append("DELETE FROM " + this.table + " e USING (SELECT format('%I.%I', n.nspname,"
					+ " c.relname) AS own FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " WHERE c.oid = '" + this.table.replace("'", "''") + "'::regclass) t WHERE t.own IN (e.name,"
					+ " e.parent, substr(e.name, 7)) OR e.name LIKE '% ON TABLE ' || t.own || ' TO %'");
			try (Statement statement = connection.createStatement()) {
				statement.execute(statements.toString());
			}
			return null;
		}));
	}

	/**
	 * Records why no expected schema could be built for these migrations, so restarts do
	 * not try again.
	 */
	public void saveUnavailable(Connection connection, String fingerprint, String reason) throws SQLException {
		replace(connection, () -> {
			try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.table
					+ " (migrations, kind, name, parent, definition, ddl) VALUES (?, ?, '', '', ?, '')")) {
				statement.setString(1, fingerprint);
				statement.setString(2, UNAVAILABLE);
				statement.setString(3, reason);
				return statement.executeUpdate();
			}
		});
	}

	private void replace(Connection connection, Transaction.Work<?> rows) throws SQLException {
		Transaction.run(connection, () -> {
			try (Statement statement = connection.createStatement()) {
				if (missing(statement)) {
					// COMMENT needs the table's owner: only once, when it is created
					statement.execute("CREATE TABLE " + this.table + " (migrations text NOT NULL, kind text NOT NULL,"
							+ " name text NOT NULL, parent text NOT NULL, definition text NOT NULL, ddl text NOT NULL)");
					statement.execute("COMMENT ON TABLE " + this.table + " IS '" + SchemaSnapshot.BOOKKEEPING_COMMENT
							+ ": the schema the applied migrations build, for drift checks; rebuilt when they change'");
				}
				// Two instances storing at once would both delete, then both insert.
				statement
					.execute("LOCK TABLE " + this.table + " IN SHARE ROW EXCLUSIVE MODE; DELETE FROM " + this.table);
			}
			return rows.run();
		});
	}

	private boolean missing(Statement statement) throws SQLException {
		try (ResultSet rs = statement
			.executeQuery("SELECT to_regclass('" + this.table.replace("'", "''") + "') IS NULL")) {
			rs.next();
			return rs.getBoolean(1);
		}
	}

	private void insert(Connection connection, String fingerprint, SchemaSnapshot expected) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + this.table
				+ " (migrations, kind, name, parent, definition, ddl) VALUES (?, ?, ?, ?, ?, ?)")) {
			for (SchemaObject object : expected.objects()) {
				if (object.kind().bookkeeping()) {
					continue;
				}
				statement.setString(1, fingerprint);
				statement.setString(2, object.kind().name());
				statement.setString(3, object.name());
				statement.setString(4, (object.parent() != null) ? object.parent() : "");
				statement.setString(5, object.definition());
				statement.setString(6, (object.ddl() != null) ? object.ddl() : "");
				statement.addBatch();
			}
			statement.executeBatch();
		}
	}

}
