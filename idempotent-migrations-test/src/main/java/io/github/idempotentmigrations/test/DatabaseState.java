package io.github.idempotentmigrations.test;

import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.TestDatabase;

/**
 * What a migration run leaves, in the terms "converged" is judged by: the catalog with
 * definitions, every row of the application's tables and Flyway's history (without times,
 * which differ between any two runs).
 *
 * <p>
 * Columns whose default calls a clock or a random generator ({@code now()},
 * {@code gen_random_uuid()}, ...) are left out of the rows: two correct runs never agree
 * on them.
 *
 * @param catalog sorted catalog lines
 * @param rows sorted rows, each prefixed with its table
 * @param history history rows in installed order: version, description, type, script,
 * checksum, success
 */
record DatabaseState(List<String> catalog, List<String> rows, List<String> history) {

	private static final String VOLATILE_DEFAULT = "'(now|clock_timestamp|statement_timestamp|transaction_timestamp"
			+ "|timeofday|random|gen_random_uuid|uuid_generate_v[0-9a-z_]*|uuidv[47])\\s*\\(|current_(timestamp|date|time)"
			+ "|localtime'";

	/**
	 * Each user table with the columns to leave out of its rows as a text[] literal;
	 * {@code :history} is replaced. Flyway's history and the starter's bookkeeping tables
	 * named after it (expected schema, statement journal) are not user tables.
	 */
	private static final String TABLES = "SELECT format('%I.%I', n.nspname, c.relname) || ' ' || coalesce(("
			+ "SELECT array_agg(a.attname ORDER BY a.attnum)::text FROM pg_attrdef d"
			+ " JOIN pg_attribute a ON a.attrelid = d.adrelid AND a.attnum = d.adnum"
			+ " WHERE d.adrelid = c.oid AND pg_get_expr(d.adbin, d.adrelid) ~* " + VOLATILE_DEFAULT + "), '{}')"
			+ " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
			+ " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_%'"
			+ " AND c.relname NOT IN (':history', ':history_expected', ':history_statements') ORDER BY 1";

	static DatabaseState of(TestDatabase database, HistoryTable historyTable) {
		return new DatabaseState(DatabaseSnapshot.catalogOf(database), rows(database, historyTable),
				history(database, historyTable));
	}

	/**
	 * As {@link #of}, in a tenant layout: each tenant's history, its lines prefixed with
	 * the tenant's schema.
	 */
	static DatabaseState ofTenants(TestDatabase database, List<HistoryTable> historyTables) {
		List<String> history = new ArrayList<>();
		for (HistoryTable table : historyTables) {
			history(database, table).forEach((row) -> history.add(table.schema() + ": " + row));
		}
		// the tenants' history tables share one name: leaving it out leaves every one of
		// them out
		return new DatabaseState(DatabaseSnapshot.catalogOf(database), rows(database, historyTables.get(0)), history);
	}

	private static List<String> rows(TestDatabase database, HistoryTable historyTable) {
		List<String> rows = new ArrayList<>();
		for (String line : Sql.column(database, TABLES.replace(":history", historyTable.name().replace("'", "''")))) {
			int space = line.lastIndexOf(' ');
			String table = line.substring(0, space);
			String leftOut = line.substring(space + 1).replace("'", "''");
			Sql.column(database, "SELECT (to_jsonb(t) - '" + leftOut + "'::text[])::text FROM " + table + " t")
				.forEach((row) -> rows.add(table + " " + row));
		}
		rows.sort(null);
		return rows;
	}

	private static List<String> history(TestDatabase database, HistoryTable table) {
		if (!table.existsIn(database)) {
			return List.of();
		}
		return Sql.column(database, "SELECT concat_ws(' | ', coalesce(version, '(repeatable)'), description, type,"
				+ " script, checksum, success) FROM " + table.sql() + " ORDER BY installed_rank");
	}

	/** What differs from {@code expected}, one line each; empty when converged. */
	List<String> differencesFrom(DatabaseState expected) {
		List<String> differences = new ArrayList<>();
		compare("catalog", expected.catalog, this.catalog, differences);
		compare("row", expected.rows, this.rows, differences);
		if (!expected.history.equals(this.history)) {
			differences.add("history differs:\n      expected " + String.join("\n               ", expected.history)
					+ "\n      found    " + String.join("\n               ", this.history));
		}
		return differences;
	}

	private static void compare(String what, List<String> expected, List<String> actual, List<String> differences) {
		expected.stream()
			.filter((line) -> !actual.contains(line))
			.forEach((line) -> differences.add(what + " missing: " + line));
		actual.stream()
			.filter((line) -> !expected.contains(line))
			.forEach((line) -> differences.add(what + " extra:   " + line));
	}
}
