package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The state of the sequences a migration may advance, read before the statements that
 * may: the sequences an {@code INSERT} into a table draws from by itself before the first
 * one (one small query), every sequence of the search_path's schemas before any other
 * statement that may call {@code nextval} (a {@code DO} block, a query). Sequences are
 * not transactional: a migration rolled back to its savepoint and run again would
 * otherwise leave them further on than plain Flyway does. Only a sequence this session
 * drew from last is set back: one the application advanced meanwhile (a deploy under
 * traffic) keeps its value, so that no id is handed out twice; it keeps a gap instead, as
 * any rollback leaves.
 */
final class SequenceValues {

	// pg_sequence_last_value is null for a sequence not called since it was created or
	// restarted: read apart.
	private static final String READ = "SELECT format('%I.%I', schemaname, sequencename) FROM pg_sequences"
			+ " WHERE schemaname = ANY (current_schemas(false))"
			+ " AND has_sequence_privilege(format('%I.%I', schemaname, sequencename), 'UPDATE')";

	// The sequences an INSERT into a table draws from by itself: those its columns own
	// (serial, identity) and those its column defaults name (a default copied by
	// INHERITS or LIKE, a nextval written by hand); the same of its partitioned ancestors
	// (a partition's identity draws from its parent's, PostgreSQL 17 on) and, for a view,
	// of the relations it reads. (OFFSET 0 keeps the privilege check off the table's
	// other dependents, such as its TOAST table)
	private static final String READ_DRAWN_BY_INSERT = """
			WITH t AS (SELECT to_regclass(?) AS oid),
			target AS (SELECT oid FROM t
			    UNION SELECT a.relid FROM t, pg_partition_ancestors(t.oid) a
			    UNION SELECT d.refobjid FROM t JOIN pg_rewrite r ON r.ev_class = t.oid AND r.rulename = '_RETURN'
			        JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
			        AND d.refclassid = 'pg_class'::regclass)
			SELECT name FROM (SELECT c.oid, format('%I.%I', n.nspname, c.relname) AS name
			    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			    WHERE c.relkind = 'S' AND c.oid IN (
			        SELECT d.objid FROM pg_depend d WHERE d.deptype IN ('a', 'i') AND d.refobjid IN (SELECT oid FROM target)
			        UNION SELECT d.refobjid FROM pg_attrdef a JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass
			            AND d.objid = a.oid AND d.refclassid = 'pg_class'::regclass
			        WHERE a.adrelid IN (SELECT oid FROM target))
			    OFFSET 0) owned
			WHERE has_sequence_privilege(owned.oid, 'UPDATE')
			""";

	private static final String CHECKED = "idempotent_migrations_sequence";

	/** Per sequence: its value and whether it was called ({@code setval}'s arguments). */
	private final Map<String, State> states = new LinkedHashMap<>();

	/** Adds every sequence of the search_path's schemas not read already. */
	void addAll(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(READ)) {
			addStates(connection, names(rs));
		}
	}

	/**
	 * Adds the sequences an INSERT into {@code table} draws from by itself, unless read
	 * already: before the first INSERT into it.
	 */
	void addDrawnByInsertInto(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(READ_DRAWN_BY_INSERT)) {
			statement.setString(1, table);
			try (ResultSet rs = statement.executeQuery()) {
				addStates(connection, names(rs));
			}
		}
	}

	/**
	 * Sets back every sequence that moved since it was read, still exists, and was last
	 * drawn from by this session; returns how many.
	 */
	int restore(Connection connection) throws SQLException {
		List<String> moved = new ArrayList<>();
		Map<String, State> now = states(connection, existing(connection, List.copyOf(this.states.keySet())));
		this.states.forEach((name, before) -> {
			State current = now.get(name);
			if (current != null && !current.equals(before)) {
				moved.add(name);
			}
		});
		StringBuilder setvals = new StringBuilder();
		for (String name : moved) {
			if (drawnLastByThisSession(connection, name, now.get(name))) {
				setvals.append((setvals.length() != 0) ? ", " : "SELECT ").append(this.states.get(name).setval(name));
			}
		}
		if (setvals.length() > 0) {
			try (Statement statement = connection.createStatement()) {
				statement.execute(setvals.toString());
			}
		}
		return moved.size();
	}

	/**
	 * Whether the sequence's value is the last this session drew ({@code currval}): no
	 * other session took one since. {@code currval} fails for a sequence this session
	 * never drew from: asked under a savepoint of its own.
	 */
	private static boolean drawnLastByThisSession(Connection connection, String name, State current)
			throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("SAVEPOINT " + CHECKED);
			try (ResultSet rs = statement.executeQuery("SELECT currval(" + literal(name) + ")")) {
				rs.next();
				boolean last = current.called() && rs.getLong(1) == current.value();
				statement.execute("RELEASE SAVEPOINT " + CHECKED);
				return last;
			}
			catch (SQLException notDrawnHere) {
				statement.execute("ROLLBACK TO SAVEPOINT " + CHECKED);
				statement.execute("RELEASE SAVEPOINT " + CHECKED);
				return false;
			}
		}
	}

	private void addStates(Connection connection, List<String> names) throws SQLException {
		List<String> unread = names.stream().filter((name) -> !this.states.containsKey(name)).toList();
		// a value read earlier is older, so it is the one kept
		states(connection, unread).forEach(this.states::putIfAbsent);
	}

	/**
	 * The state of each named sequence, read from the sequence itself: one query for all.
	 */
	private static Map<String, State> states(Connection connection, List<String> names) throws SQLException {
		Map<String, State> states = new LinkedHashMap<>();
		if (names.isEmpty()) {
			return states;
		}
		String sql = names.stream()
			.map((name) -> "SELECT " + literal(name) + ", last_value, is_called FROM " + name)
			.collect(Collectors.joining(" UNION ALL "));
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				states.put(rs.getString(1), new State(rs.getLong(2), rs.getBoolean(3)));
			}
		}
		return states;
	}

	/**
	 * The named sequences that still exist (one created by the rolled-back attempt is
	 * gone with it).
	 */
	private static List<String> existing(Connection connection, List<String> names) throws SQLException {
		if (names.isEmpty()) {
			return names;
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT n FROM unnest(?::text[]) n WHERE to_regclass(n) IS NOT NULL")) {
			statement.setArray(1, connection.createArrayOf("text", names.toArray()));
			try (ResultSet rs = statement.executeQuery()) {
				return names(rs);
			}
		}
	}

	private static List<String> names(ResultSet rs) throws SQLException {
		List<String> names = new ArrayList<>();
		while (rs.next()) {
			names.add(rs.getString(1));
		}
		return names;
	}

	private static String literal(String name) {
		return "'" + name.replace("'", "''") + "'";
	}

	private record State(long value, boolean called) {

		String setval(String name) {
			return "setval(" + literal(name) + ", " + this.value + ", " + this.called + ")";
		}
	}

}
