package io.github.idempotentmigrations.test.state;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.jspecify.annotations.Nullable;

/**
 * The objects of a database's user schemas as {@link HandMadeObject}s, built from
 * PostgreSQL's own descriptions ({@code format_type}, {@code pg_get_constraintdef},
 * {@code pg_get_indexdef}, {@code pg_get_functiondef}, {@code pg_get_viewdef},
 * {@code pg_get_triggerdef}), so that creating them elsewhere gives the same catalog.
 */
public final class CatalogObjects {

	private static final String USER_NS = "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')"
			+ " AND n.nspname NOT LIKE 'pg_temp%' AND n.nspname NOT LIKE 'pg_toast_temp%'";

	private static final String NOT_EXTENSION_MEMBER = " AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.objid = %s"
			+ " AND e.deptype = 'e')";

	private static final Pattern NEXTVAL = Pattern.compile("nextval\\('([^']+)'::regclass\\)");

	private final Map<String, HandMadeObject> objects = new LinkedHashMap<>();

	private final Map<String, List<String>> columnsByTable = new LinkedHashMap<>();

	/**
	 * PostgreSQL's own identity of each object (its oid; table oid and attnum for a
	 * column), by key.
	 */
	private final Map<String, String> identities = new LinkedHashMap<>();

	private CatalogObjects() {
	}

	public static CatalogObjects of(TestDatabase database) {
		try (Connection connection = database.connect()) {
			return of(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the catalog of " + database.name(), ex);
		}
	}

	/**
	 * The catalog as {@code connection} sees it, uncommitted changes of its own
	 * transaction included.
	 */
	public static CatalogObjects of(Connection connection) {
		CatalogObjects catalog = new CatalogObjects();
		try (Statement statement = connection.createStatement()) {
			catalog.readTypes(statement);
			catalog.readSequences(statement);
			catalog.readFunctions(statement);
			catalog.readTables(statement);
			catalog.readConstraints(statement);
			catalog.readIndexes(statement);
			catalog.readViews(statement);
			catalog.readTriggers(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the catalog", ex);
		}
		return catalog;
	}

	/**
	 * What {@code this} has that {@code before} has not: the objects one migration added.
	 * A new table's columns are part of the table; every requirement that is itself new
	 * is kept, others already exist.
	 */
	public List<HandMadeObject> addedSince(CatalogObjects before) {
		List<HandMadeObject> added = new ArrayList<>();
		for (HandMadeObject object : this.objects.values()) {
			if (before.objects.containsKey(object.key())
					|| before.identities.containsValue(this.identities.get(object.key()))) {
				// present, or present under its old name: a rename is not something a
				// hand could add beside it
				continue;
			}
			if (object.kind().equals("column") && !before.objects.containsKey(tableKeyOf(object))) {
				continue;
			}
			Set<String> newRequirements = new HashSet<>(object.requires());
			newRequirements.removeIf(before.objects::containsKey);
			newRequirements.retainAll(this.objects.keySet());
			added.add(new HandMadeObject(object.kind(), object.key(), object.name(), object.ddl(), object.phase(),
					newRequirements, object.variant()));
		}
		added.sort(Comparator.comparingInt(HandMadeObject::phase));
		return added;
	}

	private static String tableKeyOf(HandMadeObject column) {
		return column.requires().stream().filter((key) -> key.startsWith("table ")).findFirst().orElse("");
	}

	private void add(String identity, String kind, String qualifiedName, String name, String ddl, int phase,
			Set<String> requires, Optional<String> variant) {
		String key = kind + " " + qualifiedName;
		this.objects.put(key, new HandMadeObject(kind, key, name, ddl, phase, requires, variant));
		this.identities.put(key, kind + " " + identity);
	}

	private void readTypes(Statement statement) throws SQLException {
		for (String[] row : rows(statement, "SELECT format('%I.%I', n.nspname, t.typname), t.typname,"
				+ " (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e"
				+ " WHERE e.enumtypid = t.oid), t.oid FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
				+ " WHERE t.typtype = 'e' AND " + USER_NS + NOT_EXTENSION_MEMBER.formatted("t.oid"))) {
			add(row[row.length - 1], "type", row[0], row[1],
					"CREATE TYPE " + row[0] + " AS ENUM (" + nullToEmpty(row[2]) + ")", 0, Set.of(), Optional.empty());
		}
		for (String[] row : rows(statement,
				"SELECT format('%I.%I', n.nspname, t.typname), t.typname,"
						+ " format_type(t.typbasetype, t.typtypmod), t.typdefault, t.typnotnull::text,"
						+ " (SELECT string_agg(format('CONSTRAINT %I ', k.conname) || pg_get_constraintdef(k.oid), ' ')"
						+ " FROM pg_constraint k WHERE k.contypid = t.oid AND k.contype = 'c'), t.oid"
						+ " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE t.typtype = 'd' AND "
						+ USER_NS + NOT_EXTENSION_MEMBER.formatted("t.oid"))) {
			String ddl = "CREATE DOMAIN " + row[0] + " AS " + row[2] + ((row[3] != null) ? " DEFAULT " + row[3] : "")
					+ ("true".equals(row[4]) ? " NOT NULL" : "") + ((row[5] != null) ? " " + row[5] : "");
			add(row[row.length - 1], "domain", row[0], row[1], ddl, 0, Set.of(), Optional.empty());
		}
	}

	private void readSequences(Statement statement) throws SQLException {
		for (String[] row : rows(statement, "SELECT format('%I.%I', n.nspname, c.relname), c.relname,"
				+ " format('CREATE SEQUENCE %I.%I AS %s INCREMENT BY %s MINVALUE %s MAXVALUE %s START WITH %s CACHE %s %s',"
				+ " n.nspname, c.relname, format_type(s.seqtypid, NULL), s.seqincrement, s.seqmin, s.seqmax, s.seqstart,"
				+ " s.seqcache, CASE WHEN s.seqcycle THEN 'CYCLE' ELSE 'NO CYCLE' END),"
				+ " (SELECT format('%I.%I', tn.nspname, t.relname) || '|' || format('ALTER SEQUENCE %I.%I OWNED BY %I.%I.%I',"
				+ " n.nspname, c.relname, tn.nspname, t.relname, a.attname) FROM pg_depend d"
				+ " JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace"
				+ " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid"
				+ " WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a'), c.oid"
				+ " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE " + USER_NS + " AND c.relname NOT LIKE 'flyway%'"
				// identity sequences come with their column
				+ " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'i')"
				+ NOT_EXTENSION_MEMBER.formatted("c.oid"))) {
			String[] owner = (row[3] != null) ? row[3].split("\\|", 2) : null;
			// A sequence a column owns (serial) is made by hand with its table, as a
			// hot-fix makes one: alone, its name would push the migration's own serial to
			// another name (PostgreSQL picks "..._seq1").
			add(row[row.length - 1], "sequence", row[0], row[1], row[2], 1,
					(owner != null) ? Set.of("table " + owner[0]) : Set.of(), Optional.empty());
			if (owner != null) {
				add(row[row.length - 1], "sequence-owner", row[0], row[1], owner[1], 10,
						Set.of("sequence " + row[0], "table " + owner[0]), Optional.empty());
			}
		}
	}

	private void readFunctions(Statement statement) throws SQLException {
		// No differing variant: a migration's CREATE OR REPLACE rightly replaces any
		// body.
		for (String[] row : rows(statement, "SELECT format('%I.%I(%s)', n.nspname, p.proname,"
				+ " pg_get_function_identity_arguments(p.oid)), p.proname, pg_get_functiondef(p.oid), p.oid"
				+ " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE p.prokind IN ('f', 'p') AND "
				+ USER_NS + NOT_EXTENSION_MEMBER.formatted("p.oid"))) {
			add(row[row.length - 1], "function", row[0], row[1], row[2], 2, Set.of(), Optional.empty());
		}
	}

	private void readTables(Statement statement) throws SQLException {
		Map<String, List<String[]>> columns = new LinkedHashMap<>();
		for (String[] row : rows(statement, "SELECT format('%I.%I', n.nspname, c.relname), c.relname,"
				+ " format('%I', a.attname), format_type(a.atttypid, a.atttypmod), pg_get_expr(d.adbin, d.adrelid),"
				+ " a.attnotnull::text, a.attidentity::text, a.attgenerated::text, c.oid, c.oid || '.' || a.attnum"
				+ " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
				+ " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
				+ " WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname NOT LIKE 'flyway\\_schema\\_history%' AND "
				+ USER_NS + NOT_EXTENSION_MEMBER.formatted("c.oid") + " ORDER BY 1, a.attnum")) {
			String table = row[0] + "|" + row[1] + "|" + row[8];
			columns.computeIfAbsent(table, (key) -> new ArrayList<>());
			if (row[2] != null) {
				columns.get(table).add(row);
			}
		}
		columns.forEach((table, rows) -> {
			String[] parts = table.split("\\|", 3);
			addTable(parts[0], parts[1], parts[2], rows);
		});
	}

	private void addTable(String table, String name, String oid, List<String[]> columns) {
		String tableKey = "table " + table;
		this.columnsByTable.put(table, columns.stream().map((column) -> column[2]).toList());
		List<String> definitions = new ArrayList<>();
		Set<String> requires = new HashSet<>();
		String previousColumn = null;
		for (String[] column : columns) {
			definitions.add(column(column, column[3], true));
			requires.addAll(sequencesUsed(table, column[4]));
			Set<String> columnRequires = new HashSet<>(sequencesUsed(table, column[4]));
			columnRequires.add(tableKey);
			if (previousColumn != null) {
				// ADD COLUMN appends: columns added by hand in order keep the row layout
				// the migration gives
				columnRequires.add(previousColumn);
			}
			previousColumn = "column " + table + "." + column[2];
			Optional<String> variant = plainColumn(column)
					? Optional.of("ALTER TABLE " + table + " ADD COLUMN " + column(column, otherType(column[3]), false))
					: Optional.empty();
			add(column[column.length - 1], "column", table + "." + column[2], column[2],
					"ALTER TABLE " + table + " ADD COLUMN " + column(column, column[3], true), 4, columnRequires,
					variant);
		}
		Optional<String> variant = columns.stream().filter(CatalogObjects::plainColumn).findFirst().map((changed) -> {
			List<String> differing = new ArrayList<>();
			for (String[] column : columns) {
				differing.add((column != changed) ? column(column, column[3], true)
						: column(column, otherType(column[3]), false));
			}
			return "CREATE TABLE " + table + " (" + String.join(", ", differing) + ")";
		});
		add(oid, "table", table, name, "CREATE TABLE " + table + " (" + String.join(", ", definitions) + ")", 3,
				requires, variant);
	}

	private static boolean plainColumn(String[] column) {
		return column[6].isEmpty() && column[7].isEmpty();
	}

	/**
	 * One column definition; {@code exact=false} leaves out default and NOT NULL, as a
	 * differing variant.
	 */
	private static String column(String[] column, String type, boolean exact) {
		StringBuilder sql = new StringBuilder(column[2]).append(' ').append(type);
		if (!column[7].isEmpty()) {
			sql.append(" GENERATED ALWAYS AS (").append(column[4]).append(") STORED");
		}
		else if (exact && column[4] != null) {
			sql.append(" DEFAULT ").append(column[4]);
		}
		if (exact && "true".equals(column[5])) {
			sql.append(" NOT NULL");
		}
		if (!column[6].isEmpty()) {
			sql.append(column[6].equals("a") ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
		}
		return sql.toString();
	}

	/**
	 * Another type, castable from most values: the kind of difference a hand-made hot-fix
	 * has.
	 */
	private static String otherType(String type) {
		return type.equals("text") ? "character varying(255)" : "text";
	}

	private static Set<String> sequencesUsed(String table, @Nullable String defaultExpression) {
		Set<String> sequences = new HashSet<>();
		if (defaultExpression != null) {
			Matcher matcher = NEXTVAL.matcher(defaultExpression);
			while (matcher.find()) {
				String name = matcher.group(1);
				sequences
					.add("sequence " + (name.contains(".") ? name : table.substring(0, table.indexOf('.') + 1) + name));
			}
		}
		return sequences;
	}

	private void readConstraints(Statement statement) throws SQLException {
		for (String[] row : rows(statement, "SELECT format('%I.%I', n.nspname, c.relname), format('%I', k.conname),"
				+ " k.contype::text, pg_get_constraintdef(k.oid),"
				+ " (SELECT format('%I.%I', rn.nspname, r.relname) FROM pg_class r JOIN pg_namespace rn"
				+ " ON rn.oid = r.relnamespace WHERE r.oid = k.confrelid),"
				+ " (SELECT format('%I.%I', rn.nspname, r.relname) || '.' || format('%I', rk.conname) FROM pg_constraint rk"
				+ " JOIN pg_class r ON r.oid = rk.conrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace"
				+ " WHERE k.contype = 'f' AND rk.conindid = k.conindid AND rk.contype IN ('p', 'u') LIMIT 1),"
				+ " (SELECT format('%I.%I', xn.nspname, x.relname) FROM pg_class x JOIN pg_namespace xn"
				+ " ON xn.oid = x.relnamespace WHERE k.contype = 'f' AND x.oid = k.conindid), k.oid"
				+ " FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " WHERE k.contype IN ('p', 'u', 'c', 'f', 'x') AND c.relname NOT LIKE 'flyway\\_schema\\_history%'"
				+ " AND NOT c.relispartition AND " + USER_NS + " AND k.conislocal")) {
			Set<String> requires = new HashSet<>(Set.of("table " + row[0]));
			if (row[4] != null) {
				requires.add("table " + row[4]);
			}
			if (row[5] != null) {
				requires.add("constraint " + row[5]);
			}
			else if (row[6] != null) {
				requires.add("index " + row[6]);
			}
			add(row[row.length - 1], "constraint", row[0] + "." + row[1], row[1],
					"ALTER TABLE " + row[0] + " ADD CONSTRAINT " + row[1] + " " + row[3], row[2].equals("f") ? 6 : 5,
					requires, Optional.empty());
		}
	}

	private void readIndexes(Statement statement) throws SQLException {
		for (String[] row : rows(statement, "SELECT format('%I.%I', n.nspname, i.relname), format('%I', i.relname),"
				+ " pg_get_indexdef(x.indexrelid), format('%I.%I', tn.nspname, c.relname), i.oid"
				+ " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid"
				+ " JOIN pg_namespace n ON n.oid = i.relnamespace JOIN pg_namespace tn ON tn.oid = c.relnamespace"
				+ " WHERE c.relname NOT LIKE 'flyway\\_schema\\_history%' AND c.relkind IN ('r', 'p', 'm') AND "
				+ USER_NS
				// indexes behind constraints come with their constraint
				+ " AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid"
				+ " AND k.contype IN ('p', 'u', 'x') AND k.conrelid = x.indrelid)"
				+ NOT_EXTENSION_MEMBER.formatted("i.oid"))) {
			add(row[row.length - 1], "index", row[0], row[1], row[2], 7, Set.of("table " + row[3]),
					IndexVariant.onAnotherColumn(row[2], this.columnsByTable.getOrDefault(row[3], List.of())));
		}
	}

	private void readViews(Statement statement) throws SQLException {
		for (String[] row : rows(statement,
				"SELECT format('%I.%I', n.nspname, c.relname), c.relname,"
						+ " pg_get_viewdef(c.oid), c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
						+ " WHERE c.relkind = 'v' AND " + USER_NS + NOT_EXTENSION_MEMBER.formatted("c.oid"))) {
			add(row[row.length - 1], "view", row[0], row[1], "CREATE VIEW " + row[0] + " AS " + row[2], 8, Set.of(),
					Optional.empty());
		}
	}

	private void readTriggers(Statement statement) throws SQLException {
		for (String[] row : rows(statement, "SELECT format('%I.%I', n.nspname, c.relname), format('%I', t.tgname),"
				+ " pg_get_triggerdef(t.oid), format('%I.%I(%s)', pn.nspname, p.proname,"
				+ " pg_get_function_identity_arguments(p.oid)), t.oid"
				+ " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
				+ " JOIN pg_proc p ON p.oid = t.tgfoid JOIN pg_namespace pn ON pn.oid = p.pronamespace"
				+ " WHERE NOT t.tgisinternal AND " + USER_NS)) {
			add(row[row.length - 1], "trigger", row[0] + "." + row[1], row[1], row[2], 9,
					Set.of("table " + row[0], "function " + row[3]), Optional.empty());
		}
	}

	private static String nullToEmpty(@Nullable String text) {
		return (text != null) ? text : "";
	}

	private static List<String[]> rows(Statement statement, String sql) throws SQLException {
		List<String[]> rows = new ArrayList<>();
		try (ResultSet rs = statement.executeQuery(sql)) {
			int columns = rs.getMetaData().getColumnCount();
			while (rs.next()) {
				String[] row = new String[columns];
				for (int i = 0; i < columns; i++) {
					row[i] = rs.getString(i + 1);
				}
				rows.add(row);
			}
		}
		return rows;
	}

}
