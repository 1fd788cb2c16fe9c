package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * PostgreSQL's {@code pg_get_constraintdef} is not a fixed point: a CHECK created from
 * its own output can read back differently ({@code ANY ((ARRAY['a'::varchar])::text[])}
 * becomes {@code ANY (ARRAY[('a'::varchar)::text])}), so a constraint re-created from a
 * definition, by adoption or by hand, would look different forever. Before a constraint
 * counts as different, both definitions are parsed again, on the table the constraint
 * belongs to, and compared as PostgreSQL reads them back.
 */
final class ReparsedConstraints {

	private static final String PROBE_NAME = "im_reparsed_constraint";

	private ReparsedConstraints() {
	}

	/**
	 * The differences that remain once the CHECK constraints (and, if asked, the foreign
	 * keys) are parsed again.
	 * @param foreignKeys whether foreign keys are parsed again too: that adds one to the
	 * table itself, so only on a database nothing else uses (the shadow)
	 */
	static List<SchemaDiff.Difference> stillDifferent(Connection connection, List<SchemaDiff.Difference> differences,
			boolean foreignKeys) throws SQLException {
		List<SchemaDiff.Difference> different = new ArrayList<>();
		for (SchemaDiff.Difference difference : differences) {
			boolean reparsable = isCheckOrForeignKey(difference)
					&& (foreignKeys || difference.expected().definition().startsWith("CHECK"));
			if (!reparsable || !sameOnceReparsed(connection, difference)) {
				different.add(difference);
			}
		}
		return different;
	}

	private static boolean isCheckOrForeignKey(SchemaDiff.Difference difference) {
		SchemaObject expected = difference.expected();
		return (expected.kind() == ObjectKind.CONSTRAINT || expected.kind() == ObjectKind.FOREIGN_KEY)
				&& expected.parent() != null
				&& (expected.definition().startsWith("CHECK") || expected.definition().startsWith("FOREIGN KEY"));
	}

	private static boolean sameOnceReparsed(Connection connection, SchemaDiff.Difference difference)
			throws SQLException {
		String table = difference.expected().parent();
		String expected = reparsed(connection, table, difference.expected().definition());
		String found = reparsed(connection, table, difference.found().definition());
		return expected != null && expected.equals(found);
	}

	/**
	 * The definition as PostgreSQL reads it back once added (NOT VALID, so no row is
	 * checked) and rolled back. A CHECK is added to a temporary copy of the table's
	 * columns, so a live table is never locked; a foreign key needs the table itself,
	 * which is why foreign keys are parsed again on the shadow only.
	 */
	private static @Nullable String reparsed(Connection connection, String table, String definition)
			throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		Savepoint savepoint = connection.setSavepoint();
		try (Statement statement = connection.createStatement()) {
			String on = table;
			if (definition.startsWith("CHECK")) {
				on = PROBE_NAME;
				statement.execute("CREATE TEMPORARY TABLE " + PROBE_NAME + " (LIKE " + table + ") ON COMMIT DROP");
			}
			String body = definition.endsWith(" NOT VALID") ? definition : definition + " NOT VALID";
			statement.execute("ALTER TABLE " + on + " ADD CONSTRAINT " + PROBE_NAME + " " + body);
			try (ResultSet rs = statement
				.executeQuery("SELECT pg_get_constraintdef(oid) FROM pg_constraint" + " WHERE conname = '" + PROBE_NAME
						+ "' AND conrelid = '" + on.replace("'", "''") + "'::regclass")) {
				return rs.next() ? rs.getString(1).replace(" NOT VALID", "") : null;
			}
		}
		catch (SQLException ex) {
			// a definition the table cannot take (another column type): genuinely
			// different
			return null;
		}
		finally {
			connection.rollback(savepoint);
			if (autoCommit) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
	}

}
