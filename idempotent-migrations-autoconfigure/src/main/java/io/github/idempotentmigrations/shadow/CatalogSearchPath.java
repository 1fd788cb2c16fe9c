package io.github.idempotentmigrations.shadow;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Runs work with {@code search_path = pg_catalog}, then puts the session's own back: with
 * nothing else on the path, PostgreSQL prints every user object schema-qualified, so
 * definitions read on two databases compare as text and DDL built from them creates each
 * object in its own schema.
 */
final class CatalogSearchPath {

	private CatalogSearchPath() {
	}

	static <T extends @Nullable Object> T with(Connection connection, Transaction.Work<T> work) throws SQLException {
		return with(connection, List.of(), work);
	}

	/**
	 * As {@link #with(Connection, Transaction.Work)}, with snapshots narrowed to
	 * {@code schemas} (empty: all).
	 */
	static <T extends @Nullable Object> T with(Connection connection, Collection<String> schemas,
			Transaction.Work<T> work) throws SQLException {
		String previous = set(connection, "pg_catalog");
		T result;
		try {
			narrow(connection, schemas);
			result = work.run();
		}
		catch (SQLException | RuntimeException ex) {
			// Inside a caller's transaction the failure aborted it, and putting the
			// settings back fails too: that must not hide why.
			try {
				restore(connection, previous);
			}
			catch (SQLException restoring) {
				ex.addSuppressed(restoring);
			}
			throw ex;
		}
		restore(connection, previous);
		return result;
	}

	private static void restore(Connection connection, String searchPath) throws SQLException {
		widen(connection);
		set(connection, searchPath);
	}

	private static void narrow(Connection connection, Collection<String> schemas) throws SQLException {
		if (schemas.isEmpty()) {
			widen(connection);
			return;
		}
		try (PreparedStatement statement = connection.prepareStatement(SnapshotQueries.NARROW)) {
			Array names = connection.createArrayOf("text", schemas.toArray());
			statement.setArray(1, names);
			statement.setArray(2, names);
			statement.execute();
		}
	}

	private static void widen(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(SnapshotQueries.WIDEN);
		}
	}

	private static String set(Connection connection, String searchPath) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT current_setting('search_path'), set_config('search_path', ?, false)")) {
			statement.setString(1, searchPath);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

}
