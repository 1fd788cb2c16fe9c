package io.github.idempotentmigrations.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * One-column queries and plain statements on a test database, each on a connection of its
 * own.
 */
final class Sql {

	private Sql() {
	}

	static List<String> column(TestDatabase database, String sql) {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rs.next()) {
				values.add(rs.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read '" + sql + "': " + ex.getMessage(), ex);
		}
	}

	static String single(TestDatabase database, String sql) {
		return column(database, sql).get(0);
	}

}
