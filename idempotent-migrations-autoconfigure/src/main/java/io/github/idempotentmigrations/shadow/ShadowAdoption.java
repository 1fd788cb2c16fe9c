package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Brings a database that has no (complete) history to the schema the migrations build on
 * the shadow, without replaying a single old statement against it: what is missing is
 * created from the shadow's definitions, what exists is never dropped or altered.
 */
public final class ShadowAdoption {

	/** Flyway's history columns, rank first. */
	private static final String HISTORY_COLUMNS = "installed_rank, version, description, type, script, checksum,"
			+ " installed_by, installed_on, execution_time, success";

	private final Connection shadow;

	private final Connection target;

	private SchemaSnapshot expected;

	/**
	 * An adoption of the shadow's schema by the target database.
	 * @param shadow a session on the shadow, migrated
	 * @param target a session on the application's database, in the transaction the
	 * adoption runs in
	 */
	public ShadowAdoption(Connection shadow, Connection target) {
		this.shadow = shadow;
		this.target = target;
	}

	/**
	 * How the target departs from {@code expected}, what the migrations built on the
	 * shadow, read in the same schemas ({@code migrated}: the ones Flyway migrates), not
	 * another tenant's.
	 */
	public SchemaDiff diff(SchemaSnapshot expected, Collection<String> migrated) throws SQLException {
		this.expected = expected;
		SchemaSnapshot found = ShadowDatabase
			.withoutStockPublic(SchemaSnapshot.read(this.target, expected.schemaNames()), migrated);
		SchemaDiff diff = SchemaDiff.between(this.expected, found);
		return new SchemaDiff(diff.missing(), ReparsedConstraints.stillDifferent(this.shadow, diff.different(), true),
				diff.extra());
	}

	/**
	 * The shadow's schema as the last {@link #diff(SchemaSnapshot, Collection)} was given
	 * it: what the migrations build.
	 */
	public SchemaSnapshot expected() {
		return this.expected;
	}

	/**
	 * Creates the diff's missing objects in the target's current transaction; tables
	 * created here receive the shadow's rows. Returns what was done, one line each.
	 */
	public List<String> fill(SchemaDiff diff) throws SQLException {
		return GapFiller.fillIn(this.shadow, this.target, diff.missing());
	}

	/**
	 * Copies the shadow's rows of a table with the same columns in both into the target's
	 * when that one is empty; returns the rows copied.
	 */
	public long copyRowsIntoEmpty(String table) throws SQLException {
		try (Statement statement = this.target.createStatement();
				ResultSet rs = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
			rs.next();
			if (rs.getBoolean(1)) {
				return 0;
			}
		}
		return TableRows.copy(this.shadow, this.target, table, null);
	}

	/**
	 * Copies the shadow's history rows of the given versions into the target's history,
	 * as plain Flyway wrote them, ranked after the target's own rows (a repeatable or
	 * out-of-order migration there takes ranks the shadow gave to others); returns the
	 * rows copied.
	 */
	public long copyHistoryRows(String table, List<String> versions) throws SQLException {
		long ranked;
		try (Statement statement = this.target.createStatement();
				ResultSet rs = statement.executeQuery("SELECT coalesce(max(installed_rank), 0) FROM " + table)) {
			rs.next();
			ranked = rs.getLong(1);
		}
		String literals = versions.stream()
			.map((version) -> "'" + version.replace("'", "''") + "'")
			.collect(Collectors.joining(", "));
		return TableRows
			.copy(this.shadow, this.target, table, HISTORY_COLUMNS,
					ranked + " + row_number() OVER (ORDER BY installed_rank) AS installed_rank, "
							+ HISTORY_COLUMNS.substring(HISTORY_COLUMNS.indexOf(',') + 2),
					"version IN (" + literals + ")");
	}

}
