package io.github.idempotentmigrations.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A database as comparable text. {@code catalog}: everything a migration can build in the
 * user's schemas (tables, columns with type, not null, default, identity and generation,
 * constraints, indexes with validity, enum labels, domains, views, functions with their
 * full definition, triggers, policies, sequences, schemas, extensions, comments, grants),
 * Flyway's history table and the starter's bookkeeping tables beside it (named after it)
 * left out. {@code rows}: every row of every table, history included, bookkeeping tables
 * left out. {@code history}: Flyway's history as plain Flyway would write it on any day
 * (version, description, type, checksum, success; no timestamps or user). Equal snapshots
 * before and after prove a run changed nothing; equal catalogs prove two runs built the
 * same schema; {@link #differences} says how two snapshots differ, for people.
 *
 * @param catalog sorted catalog lines
 * @param rows sorted rows, each prefixed with its table
 * @param history history rows in installed order, empty without a history table
 */
public record DatabaseSnapshot(List<String> catalog, List<String> rows, List<String> history) {

	private static final int DIFF_LINES_PER_PART = 40;

	private static final Pattern TIMESTAMP = Pattern
		.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}(:\\d{2})?)?");

	private static final String HISTORY_QUERY = "SELECT concat_ws(' | ', coalesce(version, '<none>'), description, type,"
			+ " coalesce(checksum::text, '<none>'), success) FROM %s ORDER BY installed_rank";

	private static final String USER_NS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
			+ " AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'";

	// Flyway's history, and the starter's bookkeeping tables named after it (expected
	// schema, statement journal).
	private static final String NOT_HISTORY = "c.relname NOT LIKE 'flyway\\_schema\\_history%'";

	private static final String NOT_EXTENSION_MEMBER = "NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = %s"
			+ " AND d.deptype = 'e')";

	private static final List<String> QUERIES = List.of(
			"SELECT 'schema ' || n.nspname FROM pg_namespace n WHERE " + USER_NS,
			"SELECT 'extension ' || extname FROM pg_extension",
			"SELECT 'relation ' || c.relkind::text || ' ' || n.nspname || '.' || c.relname || ' rls=' || c.relrowsecurity"
					+ " || ' acl=' || coalesce(c.relacl::text, '') || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '')"
					+ " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_NS + " AND "
					+ NOT_HISTORY + " AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c', 'f') AND "
					+ NOT_EXTENSION_MEMBER.formatted("c.oid"),
			"SELECT 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
					+ " || ' notnull=' || a.attnotnull || ' default=' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')"
					+ " || ' identity=' || a.attidentity::text || ' generated=' || a.attgenerated::text || ' comment=' || coalesce(col_description(c.oid, a.attnum), '')"
					+ " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
					+ " WHERE a.attnum > 0 AND NOT a.attisdropped AND " + USER_NS + " AND " + NOT_HISTORY
					+ " AND c.relkind IN ('r', 'p', 'v', 'm', 'c', 'f') AND " + NOT_EXTENSION_MEMBER.formatted("c.oid"),
			"SELECT 'constraint ' || n.nspname || '.' || coalesce(c.relname, t.typname) || '.' || k.conname || ' '"
					+ " || pg_get_constraintdef(k.oid) || ' deferrable=' || k.condeferrable || ' validated=' || k.convalidated"
					+ " FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace"
					+ " LEFT JOIN pg_class c ON c.oid = k.conrelid LEFT JOIN pg_type t ON t.oid = k.contypid"
					+ " WHERE " + USER_NS + " AND coalesce(c.relname, '') NOT LIKE 'flyway\\_schema\\_history%'"
					+ " AND k.contype <> 'n'",
			"SELECT 'index ' || n.nspname || '.' || i.relname || ' valid=' || x.indisvalid || ' ready=' || x.indisready"
					+ " || ' ' || pg_get_indexdef(x.indexrelid)"
					+ " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
					+ " JOIN pg_namespace n ON n.oid = i.relnamespace WHERE " + USER_NS + " AND " + NOT_HISTORY,
			"SELECT 'type ' || n.nspname || '.' || t.typname || ' ' || t.typtype::text || ' '"
					+ " || coalesce((SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e"
					+ " WHERE e.enumtypid = t.oid), '') || ' base=' || coalesce(format_type(nullif(t.typbasetype, 0), t.typtypmod), '')"
					+ " || ' notnull=' || t.typnotnull || ' default=' || coalesce(t.typdefault, '')"
					+ " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
					+ " WHERE t.typtype IN ('e', 'd') AND " + USER_NS + " AND "
					+ NOT_EXTENSION_MEMBER.formatted("t.oid"),
			"SELECT 'view ' || n.nspname || '.' || c.relname || ' ' || pg_get_viewdef(c.oid)"
					+ " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " WHERE c.relkind IN ('v', 'm') AND " + USER_NS,
			"SELECT 'function ' || n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid)"
					+ " || ') ' || p.prokind::text || ' acl=' || coalesce(p.proacl::text, '') || ' ' || pg_get_functiondef(p.oid)"
					+ " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE " + USER_NS
					+ " AND p.prokind IN ('f', 'p') AND " + NOT_EXTENSION_MEMBER.formatted("p.oid"),
			"SELECT 'trigger ' || c.relname || '.' || t.tgname || ' ' || pg_get_triggerdef(t.oid) || ' enabled=' || t.tgenabled::text"
					+ " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
					+ " WHERE NOT t.tgisinternal AND " + USER_NS,
			"SELECT 'policy ' || schemaname || '.' || tablename || '.' || policyname || ' ' || permissive || ' ' || cmd"
					+ " || ' roles=' || roles::text || ' using=' || coalesce(qual, '') || ' check=' || coalesce(with_check, '')"
					+ " FROM pg_policies",
			"SELECT 'sequence ' || schemaname || '.' || sequencename || ' ' || data_type || ' start=' || start_value"
					+ " || ' inc=' || increment_by || ' min=' || min_value || ' max=' || max_value || ' cycle=' || cycle"
					+ " || ' cache=' || cache_size" + " FROM pg_sequences WHERE sequencename NOT LIKE 'flyway%'");

	public static DatabaseSnapshot of(TestDatabase database) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			List<String> rows = new ArrayList<>();
			for (String table : lines(statement,
					"SELECT format('%I.%I', table_schema, table_name)"
							+ " FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
							+ " AND table_schema NOT IN ('pg_catalog', 'information_schema')"
							+ " AND table_name NOT LIKE 'flyway\\_schema\\_history\\_%'")) {
				lines(statement, "SELECT t::text FROM " + table + " t").forEach((row) -> rows.add(table + " " + row));
			}
			rows.sort(null);
			return new DatabaseSnapshot(catalog(statement), rows, history(statement));
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not snapshot " + database.name(), ex);
		}
	}

	/**
	 * The rows of the application's tables: Flyway's history left out, for comparing runs
	 * that rebuild it.
	 */
	public List<String> userRows() {
		return this.rows.stream().filter((row) -> !row.contains(".flyway_schema_history ")).toList();
	}

	/**
	 * This snapshot with every timestamp in its rows replaced by {@code <timestamp>}:
	 * rows stamped by {@code now()} differ between any two honest runs of the same
	 * migrations.
	 */
	public DatabaseSnapshot withTimestampsMasked() {
		return new DatabaseSnapshot(this.catalog,
				this.rows.stream().map((row) -> TIMESTAMP.matcher(row).replaceAll("<timestamp>")).sorted().toList(),
				this.history);
	}

	/** The number of rows per table, history included, e.g. {@code public.users=3}. */
	public Map<String, Long> rowCounts() {
		Map<String, Long> counts = new TreeMap<>();
		this.rows.forEach((row) -> counts.merge(row.substring(0, row.indexOf(' ')), 1L, Long::sum));
		return counts;
	}

	/**
	 * How {@code actual} differs from {@code expected} in catalog, application rows, row
	 * counts and history, as {@code -} (expected only) and {@code +} (actual only) lines
	 * per part; empty when they are alike. The history rows' timestamps are not compared:
	 * two honest runs never share them.
	 */
	public static String differences(DatabaseSnapshot expected, DatabaseSnapshot actual) {
		StringBuilder text = new StringBuilder();
		appendDifferences(text, "catalog", expected.catalog, actual.catalog);
		appendDifferences(text, "row counts", lines(expected.rowCounts()), lines(actual.rowCounts()));
		appendDifferences(text, "rows", expected.userRows(), actual.userRows());
		appendDifferences(text, "history (version | description | type | checksum | success)", expected.history,
				actual.history);
		return text.toString();
	}

	private static List<String> lines(Map<String, Long> counts) {
		return counts.entrySet()
			.stream()
			.filter((entry) -> !entry.getKey().endsWith(".flyway_schema_history"))
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toList();
	}

	private static void appendDifferences(StringBuilder text, String part, List<String> expected, List<String> actual) {
		List<String> missing = minus(expected, actual);
		List<String> extra = minus(actual, expected);
		if (missing.isEmpty() && extra.isEmpty()) {
			return;
		}
		text.append(part)
			.append(": ")
			.append(missing.size())
			.append(" expected only, ")
			.append(extra.size())
			.append(" found only\n");
		missing.stream().limit(DIFF_LINES_PER_PART).forEach((line) -> text.append("  - ").append(line).append('\n'));
		extra.stream().limit(DIFF_LINES_PER_PART).forEach((line) -> text.append("  + ").append(line).append('\n'));
		if (missing.size() > DIFF_LINES_PER_PART || extra.size() > DIFF_LINES_PER_PART) {
			text.append("  ... (").append(DIFF_LINES_PER_PART).append(" lines per side shown)\n");
		}
	}

	/**
	 * Multiset difference: a line twice in {@code from} and once in {@code other} is
	 * listed once.
	 */
	private static List<String> minus(List<String> from, List<String> other) {
		Map<String, Integer> remaining = new HashMap<>();
		other.forEach((line) -> remaining.merge(line, 1, Integer::sum));
		List<String> result = new ArrayList<>();
		for (String line : from) {
			if (remaining.merge(line, -1, Integer::sum) < 0) {
				result.add(line);
			}
		}
		return result;
	}

	/** Only the sorted catalog lines. */
	public static List<String> catalogOf(TestDatabase database) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			return catalog(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not snapshot " + database.name(), ex);
		}
	}

	private static List<String> history(Statement statement) throws SQLException {
		List<String> tables = lines(statement, "SELECT format('%I.%I', table_schema, table_name)"
				+ " FROM information_schema.tables WHERE table_name = 'flyway_schema_history'");
		return tables.isEmpty() ? List.of() : lines(statement, HISTORY_QUERY.formatted(tables.get(0)));
	}

	private static List<String> catalog(Statement statement) throws SQLException {
		List<String> lines = new ArrayList<>();
		for (String sql : QUERIES) {
			lines.addAll(lines(statement, sql));
		}
		lines.sort(null);
		return lines;
	}

	private static List<String> lines(Statement statement, String sql) throws SQLException {
		List<String> lines = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				lines.add(rs.getString(1));
			}
		}
		return lines;
	}
}
