package io.github.idempotentmigrations.shadow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A snapshot narrowed to some schemas reaches its rows through their oids; it must read
 * exactly what the same queries read by filtering every object by schema name, for every
 * kind, with objects that reach into other schemas (inheritance, types, sequences owned
 * across schemas) and comments on every kind of object.
 */
class NarrowedSnapshotTests {

	@Test
	void narrowedQueriesReadWhatTheSchemaFilterReads() throws Exception {
		try (TestDatabase database = TestDatabase.create()) {
			database.execute(fixture());
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("SET search_path = pg_catalog");
				for (String schemas : List.of("acme", "globex", "public", "acme,globex", "we\"ird", "Mixed",
						"empty_one", "no_such_schema")) {
					for (ObjectKind kind : ObjectKind.values()) {
						assertThat(narrowed(connection, kind, schemas)).as("%s in %s", kind, schemas)
							.isEqualTo(filtered(connection, kind, schemas));
					}
				}
			}
		}
	}

	// The narrowing reaches the schemas' objects through their recorded dependencies: it
	// must find every relation, type and routine in them, as reading all of them does.
	@Test
	void narrowingFindsEveryRelationTypeAndRoutineOfTheSchemas() throws Exception {
		try (TestDatabase database = TestDatabase.create()) {
			database.execute(fixture());
			try (Connection connection = database.connect()) {
				for (String schemas : List.of("acme", "globex", "public", "acme,globex", "we\"ird", "Mixed",
						"empty_one", "no_such_schema")) {
					narrowed(connection, ObjectKind.TABLE, schemas);
					assertThat(narrowedTo(connection, "relations")).as("relations of %s", schemas)
						.isEqualTo(inSchemas(connection, "pg_class", "relnamespace", schemas));
					assertThat(narrowedTo(connection, "types")).as("types of %s", schemas)
						.isEqualTo(inSchemas(connection, "pg_type", "typnamespace", schemas));
					assertThat(narrowedTo(connection, "routines")).as("routines of %s", schemas)
						.isEqualTo(inSchemas(connection, "pg_proc", "pronamespace", schemas));
				}
				assertThat(inSchemas(connection, "pg_class", "relnamespace", "acme")).hasSizeGreaterThan(25);
			}
		}
	}

	private static SortedSet<Long> narrowedTo(Connection connection, String set) throws SQLException {
		return oids(connection, "SELECT unnest(string_to_array(current_setting(?), ',')::oid[])",
				"idempotent_migrations.snapshot_" + set);
	}

	private static SortedSet<Long> inSchemas(Connection connection, String catalog, String schemaColumn, String schemas)
			throws SQLException {
		return oids(connection, "SELECT oid FROM pg_catalog." + catalog + " WHERE " + schemaColumn + " IN (SELECT oid"
				+ " FROM pg_catalog.pg_namespace WHERE nspname = ANY (string_to_array(?, ',')))", schemas);
	}

	private static SortedSet<Long> oids(Connection connection, String query, String parameter) throws SQLException {
		SortedSet<Long> oids = new TreeSet<>();
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, parameter);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					oids.add(rs.getLong(1));
				}
			}
		}
		return oids;
	}

	@Test
	void theFixtureGivesEveryNarrowedKindRowsToCompare() throws Exception {
		try (TestDatabase database = TestDatabase.create()) {
			database.execute(fixture());
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("SET search_path = pg_catalog");
				for (ObjectKind kind : ObjectKind.values()) {
					assertThat(narrowed(connection, kind, "acme")).as(kind.name()).isNotEmpty();
				}
				assertThat(narrowed(connection, ObjectKind.COMMENT, "acme"))
					.anyMatch((row) -> row.startsWith("collation "))
					.anyMatch((row) -> row.startsWith("operator "))
					.anyMatch((row) -> row.startsWith("aggregate "))
					.anyMatch((row) -> row.startsWith("index "))
					.anyMatch((row) -> row.startsWith("table constraint "))
					.anyMatch((row) -> row.startsWith("table column "))
					.anyMatch((row) -> row.startsWith("schema "))
					.anyMatch((row) -> row.startsWith("composite type column "))
					.anyMatch((row) -> row.startsWith("statistics object "))
					.anyMatch((row) -> row.startsWith("foreign table column "))
					.noneMatch((row) -> row.contains("globex") || row.contains("shared_base"));
			}
		}
	}

	private static List<String> filtered(Connection connection, ObjectKind kind, String schemas) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(SnapshotQueries.WIDEN);
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT set_config(?, (?::text[])::text, false)")) {
			statement.setString(1, SnapshotQueries.SCHEMAS_SETTING);
			statement.setArray(2, connection.createArrayOf("text", schemas.split(",")));
			statement.execute();
		}
		return rows(connection, SnapshotQueries.of(kind, false));
	}

	private static List<String> narrowed(Connection connection, ObjectKind kind, String schemas) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(SnapshotQueries.NARROW)) {
			statement.setArray(1, connection.createArrayOf("text", schemas.split(",")));
			statement.setArray(2, connection.createArrayOf("text", schemas.split(",")));
			statement.execute();
		}
		return rows(connection, SnapshotQueries.of(kind, true));
	}

	private static List<String> rows(Connection connection, String query) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
			while (rs.next()) {
				rows.add(rs.getString(1) + " | " + rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4));
			}
		}
		rows.sort(null);
		return rows;
	}

	private static String fixture() throws IOException {
		try (InputStream in = Objects
			.requireNonNull(NarrowedSnapshotTests.class.getResourceAsStream("/snapshot/two-tenants.sql"))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
