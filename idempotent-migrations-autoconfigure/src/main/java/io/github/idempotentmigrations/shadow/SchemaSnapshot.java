package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Every object of a database's user schemas (system schemas, extension members and the
 * starter's own bookkeeping tables left out), as PostgreSQL describes it.
 */
public final class SchemaSnapshot {

	/**
	 * How the comment of a table the starter keeps for itself begins (the stored expected
	 * schema): such a table is not part of any schema the migrations describe.
	 */
	public static final String BOOKKEEPING_COMMENT = "idempotent-migrations bookkeeping";

	private final Map<String, SchemaObject> objects;

	private SchemaSnapshot(Map<String, SchemaObject> objects) {
		this.objects = objects;
	}

	/**
	 * Reads the snapshot over the connection; leaves its search_path and transaction
	 * state as they were.
	 */
	public static SchemaSnapshot read(Connection connection) throws SQLException {
		return read(connection, List.of());
	}

	/**
	 * As {@link #read(Connection)}, only the objects of {@code schemas} (and extensions);
	 * empty: every schema.
	 */
	public static SchemaSnapshot read(Connection connection, Collection<String> schemas) throws SQLException {
		return CatalogSearchPath.with(connection, schemas, () -> {
			Map<String, SchemaObject> objects = new LinkedHashMap<>();
			try (Statement statement = connection.createStatement()) {
				for (ObjectKind kind : ObjectKind.values()) {
					try (ResultSet rs = statement.executeQuery(SnapshotQueries.of(kind, !schemas.isEmpty()))) {
						while (rs.next()) {
							SchemaObject object = new SchemaObject(kind, rs.getString(1), rs.getString(2),
									rs.getString(3), rs.getString(4));
							objects.put(object.key(), object);
						}
					}
				}
			}
			return of(objects.values());
		});
	}

	/** A snapshot of objects read earlier (a stored expected schema). */
	public static SchemaSnapshot of(Collection<SchemaObject> objects) {
		Set<String> bookkeeping = objects.stream()
			.filter((object) -> object.kind() == ObjectKind.COMMENT && object.name().startsWith("table ")
					&& object.definition().startsWith(BOOKKEEPING_COMMENT))
			.map((object) -> object.name().substring("table ".length()))
			.collect(Collectors.toSet());
		Map<String, SchemaObject> kept = new LinkedHashMap<>();
		objects.stream()
			.filter((object) -> bookkeeping.isEmpty() || !ofBookkeeping(object, bookkeeping))
			.forEach((object) -> kept.put(object.key(), object));
		return new SchemaSnapshot(kept);
	}

	private static boolean ofBookkeeping(SchemaObject object, Set<String> tables) {
		return tables.contains(object.name()) || tables.contains(object.parent())
				|| tables.stream()
					.anyMatch((table) -> object.name().equals("table " + table)
							|| object.name().contains(" ON TABLE " + table + " TO "));
	}

	public Collection<SchemaObject> objects() {
		return this.objects.values();
	}

	/**
	 * Without the comment and the privileges of {@code schema} itself: those of a
	 * {@code public} schema the migrations put objects in are the database's, not theirs
	 * (a hardened {@code public} is no drift, and adoption never grants on it).
	 */
	SchemaSnapshot withoutEntriesOnSchema(String schema) {
		return of(objects().stream()
			.filter((object) -> !(object.kind() == ObjectKind.COMMENT && object.name().equals("schema " + schema))
					&& !(object.kind() == ObjectKind.PRIVILEGE
							&& object.name().contains(" ON SCHEMA " + schema + " TO ")))
			.toList());
	}

	Optional<SchemaObject> find(SchemaObject like) {
		return Optional.ofNullable(this.objects.get(like.key()));
	}

	/** The schemas it holds, by name as PostgreSQL stores them. */
	Set<String> schemaNames() {
		return this.objects.values()
			.stream()
			.filter((object) -> object.kind() == ObjectKind.SCHEMA)
			.map((object) -> unquoted(object.name()))
			.collect(Collectors.toSet());
	}

	private static String unquoted(String identifier) {
		return identifier.startsWith("\"") ? identifier.substring(1, identifier.length() - 1).replace("\"\"", "\"")
				: identifier;
	}

	boolean containsTable(@Nullable String name) {
		return name != null && this.objects.containsKey(ObjectKind.TABLE + " " + name);
	}

}
