package io.github.idempotentmigrations.shadow;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;

/**
 * Copies a table's rows between two databases with COPY, in PostgreSQL's own text format.
 */
final class TableRows {

	private TableRows() {
	}

	/**
	 * Copies every row of {@code table} from one database into the same table of another:
	 * the given columns, or all of them in table order when {@code columns} is
	 * {@code null}. Only the table's own rows: those of a table that inherits from it are
	 * copied with that table.
	 */
	static long copy(Connection from, Connection to, String table, @Nullable String columns) throws SQLException {
		return copy(from, to, table, columns, (columns != null) ? columns : "*", "true");
	}

	/**
	 * As {@link #copy(Connection, Connection, String, String)}, only the rows
	 * {@code where} selects, each read as {@code select} computes it (in the order of
	 * {@code columns}).
	 */
	static long copy(Connection from, Connection to, String table, @Nullable String columns, String select,
			String where) throws SQLException {
		ByteArrayOutputStream rows = new ByteArrayOutputStream();
		try {
			from.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyOut("COPY (SELECT " + select + " FROM ONLY " + table + " WHERE " + where + ") TO STDOUT", rows);
			if (rows.size() == 0) {
				return 0;
			}
			return to.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + table + ((columns != null) ? " (" + columns + ")" : "") + " FROM STDIN",
						new ByteArrayInputStream(rows.toByteArray()));
		}
		catch (IOException ex) {
			throw new SQLException("Could not copy the rows of " + table + ": " + ex.getMessage(), ex);
		}
	}

}
