package io.github.idempotentmigrations.conformance;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * {@code pg_get_constraintdef} is not a fixed point: a CHECK re-created from it (by
 * adoption, or by this suite's hand-made objects) can read back as another but equivalent
 * text. Constraint lines that differ only so are taken as alike, after PostgreSQL itself
 * parsed both texts again on the same table (in a rolled-back transaction).
 */
final class ReparsedCheckConstraints {

	private ReparsedCheckConstraints() {
	}

	/**
	 * {@code actual} with each constraint line replaced by the expected one when both
	 * read back alike.
	 */
	static DatabaseSnapshot alignedTo(DatabaseSnapshot expected, DatabaseSnapshot actual, TestDatabase database) {
		Map<String, String> expectedOnly = constraintLines(expected.catalog(), actual.catalog());
		Map<String, String> actualOnly = constraintLines(actual.catalog(), expected.catalog());
		List<String> catalog = new ArrayList<>(actual.catalog());
		actualOnly.forEach((key, line) -> {
			String wanted = expectedOnly.get(key);
			if (wanted != null
					&& reparsed(database, key, definition(wanted)).equals(reparsed(database, key, definition(line)))) {
				catalog.set(catalog.indexOf(line), wanted);
			}
		});
		catalog.sort(null);
		return new DatabaseSnapshot(catalog, actual.rows(), actual.history());
	}

	/**
	 * Constraint lines of {@code lines} not in {@code other}, by
	 * {@code schema.table.name}.
	 */
	private static Map<String, String> constraintLines(List<String> lines, List<String> other) {
		Map<String, String> only = new HashMap<>();
		lines.stream()
			.filter((line) -> line.startsWith("constraint ") && !other.contains(line))
			.forEach((line) -> only.put(line.substring(11, line.indexOf(' ', 11)), line));
		return only;
	}

	private static String definition(String line) {
		int start = line.indexOf(' ', 11) + 1;
		return line.substring(start, line.lastIndexOf(" deferrable="));
	}

	private static String reparsed(TestDatabase database, String key, String definition) {
		String table = key.substring(0, key.lastIndexOf('.'));
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			statement.execute("ALTER TABLE " + table + " ADD CONSTRAINT im_reparsed " + definition + " NOT VALID");
			try (ResultSet rs = statement.executeQuery(
					"SELECT pg_get_constraintdef(oid) FROM pg_constraint" + " WHERE conname = 'im_reparsed'")) {
				String text = rs.next() ? rs.getString(1) : "";
				connection.rollback();
				return text;
			}
		}
		catch (SQLException ex) {
			// not a CHECK or FOREIGN KEY, or not valid on this table: only the texts
			// themselves can say
			return definition;
		}
	}

}
