package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.DbObject;
import io.github.idempotentmigrations.engine.catalog.LiveCatalog.Definition;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/**
 * Schema-level objects other than tables, indexes and enums that PostgreSQL found already
 * there: schemas and extensions (present means done); sequences, views, materialized
 * views, routines, composite types, domains and other types (present and equal, as
 * PostgreSQL describes both, means done; otherwise a conflict).
 */
final class NamedObjectReconciler {

	private NamedObjectReconciler() {
	}

	static Verdict schema(Reconciliation r) throws SQLException {
		String schema = r.statement.target().name();
		return r.catalog.schemaExists(schema) ? Verdict.skipped(schema, "schema already exists") : r.unexplained();
	}

	static Verdict extension(Reconciliation r) throws SQLException {
		String extension = r.statement.target().name();
		return r.catalog.extensionExists(extension) ? Verdict.skipped(extension, "extension already exists")
				: r.unexplained();
	}

	/**
	 * Sequences, views, materialized views: relations with a definition independent of
	 * their name.
	 */
	static Verdict relation(Reconciliation r, Definition definition, String relkinds) throws SQLException {
		ObjectName name = r.qualify(r.statement.target());
		Optional<DbObject> relation = r.catalog.relation(name);
		if (relation.isEmpty() || !relation.get().schema().equals(name.schema())) {
			return r.unexplained();
		}
		if (!relkinds.contains(relation.get().kind())) {
			return Verdict.conflict(name,
					"a " + RelationKinds.describe(relation.get().kind()) + " named " + name + " exists",
					RelationKinds.describe(relkinds.substring(0, 1)) + " " + name,
					RelationKinds.describe(relation.get().kind()) + " " + name);
		}
		return compare(r, definition, name);
	}

	/** Composite types, domains, other types. */
	static Verdict type(Reconciliation r, Definition definition) throws SQLException {
		ObjectName name = r.qualify(r.statement.target());
		if (r.catalog.type(name).isEmpty()) {
			return r.unexplained();
		}
		return compare(r, definition, name);
	}

	/**
	 * A routine with the statement's name and argument types exists: its stored
	 * definition must be the same.
	 */
	static Verdict routine(Reconciliation r) throws SQLException {
		ObjectName name = r.qualify(r.statement.target());
		Map<String, String> wanted = Probe.createdRoutines(r, name.name());
		Map<String, String> have = r.catalog.routines(name);
		for (Map.Entry<String, String> routine : wanted.entrySet()) {
			String existing = have.get(routine.getKey());
			if (existing == null) {
				return r.unexplained();
			}
			String signature = name + "(" + routine.getKey() + ")";
			String expected = routine.getValue();
			String found = Probe.withoutSchema(existing, name.schema());
			return expected.equals(found) ? Verdict.skipped(signature, "exists with the same definition")
					: Verdict.conflict(signature, signature + " exists with another definition", expected, found);
		}
		return r.unexplained();
	}

	/**
	 * {@code CREATE TABLE ... AS}: the table is there; its query is not run again over
	 * existing rows.
	 */
	static Verdict tableAs(Reconciliation r) throws SQLException {
		ObjectName name = r.qualify(r.statement.target());
		Optional<DbObject> relation = r.catalog.relation(name);
		if (relation.isEmpty() || !"rpm".contains(relation.get().kind())) {
			return r.unexplained();
		}
		return Verdict.skipped(name, RelationKinds.describe(relation.get().kind())
				+ " already exists; its query was not run again over the rows it holds");
	}

	private static Verdict compare(Reconciliation r, Definition definition, ObjectName name) throws SQLException {
		String expected = Probe.createdDefinition(r, definition, name.name()).orElse(null);
		String found = r.catalog.definition(definition, name)
			.map((d) -> Probe.withoutSchema(d, name.schema()))
			.orElse(null);
		if (expected != null && expected.equals(found)) {
			return Verdict.skipped(name, "exists with the same definition");
		}
		return Verdict.conflict(name, name + " exists with another definition", expected, found);
	}

}
