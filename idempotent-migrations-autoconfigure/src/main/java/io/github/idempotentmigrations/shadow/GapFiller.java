package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Creates what the diff found missing, from the shadow's own definitions, in
 * {@link ObjectKind} order. A statement that PostgreSQL refuses for a dependency not
 * created yet (a view on a later view, a function over a table) is tried again after the
 * others, until a round creates nothing more. Runs inside the caller's transaction. The
 * shadow is read for the rows of tables created here only.
 */
final class GapFiller {

	// undefined table, function, object, column; invalid schema name: a dependency that
	// comes later.
	private static final Set<String> MISSING_DEPENDENCY = Set.of("42P01", "42883", "42704", "42703", "3F000");

	private final @Nullable Connection shadow;

	private final Connection target;

	GapFiller(@Nullable Connection shadow, Connection target) {
		this.shadow = shadow;
		this.target = target;
	}

	/**
	 * Creates the missing objects in the target's current transaction; returns what was
	 * done, one line each.
	 */
	static List<String> fillIn(@Nullable Connection shadow, Connection target, List<SchemaObject> missing)
			throws SQLException {
		return CatalogSearchPath.with(target, () -> {
			try (Statement statement = target.createStatement()) {
				// Function bodies may name tables created after them; PostgreSQL checks
				// them when they run.
				statement.execute("SET LOCAL check_function_bodies = off");
			}
			return new GapFiller(shadow, target).fill(missing);
		});
	}

	private List<String> fill(List<SchemaObject> missing) throws SQLException {
		Set<String> createdTables = missing.stream()
			.filter((object) -> object.kind() == ObjectKind.TABLE)
			.map(SchemaObject::name)
			.collect(Collectors.toSet());
		List<SchemaObject> remaining = missing.stream()
			.filter((object) -> object.ddl() != null)
			.filter((object) -> !(object.kind().createdWithParent() && createdTables.contains(object.parent())))
			.toList();
		List<String> done = new ArrayList<>();
		while (!remaining.isEmpty()) {
			List<SchemaObject> waiting = new ArrayList<>();
			SQLException lastRefusal = null;
			for (SchemaObject object : remaining) {
				try {
					create(object).ifPresent(done::add);
				}
				catch (SQLException ex) {
					if (!MISSING_DEPENDENCY.contains(ex.getSQLState())) {
						throw new SQLException("Could not create " + object.describe() + ": " + ex.getMessage(),
								ex.getSQLState(), ex);
					}
					waiting.add(object);
					lastRefusal = ex;
				}
			}
			if (waiting.size() == remaining.size()) {
				throw new SQLException(
						"Could not create " + waiting.get(0).describe() + ": " + lastRefusal.getMessage(),
						lastRefusal.getSQLState(), lastRefusal);
			}
			remaining = waiting;
		}
		return done;
	}

	private Optional<String> create(SchemaObject object) throws SQLException {
		Savepoint savepoint = this.target.setSavepoint();
		try {
			Optional<String> done = execute(object);
			this.target.releaseSavepoint(savepoint);
			return done;
		}
		catch (SQLException ex) {
			this.target.rollback(savepoint);
			throw ex;
		}
	}

	/**
	 * Creates the object; returns what was done, if anything (a table the migrations left
	 * empty gets no rows).
	 */
	private Optional<String> execute(SchemaObject object) throws SQLException {
		if (object.kind() == ObjectKind.ROWS) {
			long rows = TableRows.copy(this.shadow, this.target, object.name(), object.ddl());
			return (rows > 0) ? Optional.of("copied " + rows + " row(s) the migrations put into " + object.name())
					: Optional.empty();
		}
		try (Statement statement = this.target.createStatement()) {
			statement.execute(object.ddl());
		}
		return Optional.of((object.kind() == ObjectKind.SEQUENCE_VALUE)
				? "set " + object.name() + " to the migrations' value" : "created " + object.describe());
	}

}
