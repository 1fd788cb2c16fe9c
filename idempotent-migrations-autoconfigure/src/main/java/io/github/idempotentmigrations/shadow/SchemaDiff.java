package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The expected schema (built by the migrations on the shadow) against the one found.
 *
 * @param missing expected objects not found, in the order gap filling creates them
 * @param different objects found whose definition is not the expected one
 * @param extra objects found that the migrations do not build
 */
public record SchemaDiff(List<SchemaObject> missing, List<Difference> different, List<SchemaObject> extra) {

	/**
	 * The expected schema against the one the connection's database holds now (a live
	 * one); CHECK texts that differ are compared once PostgreSQL has parsed both again,
	 * on a temporary copy of the table (no lock on it).
	 */
	public static SchemaDiff against(SchemaSnapshot expected, Connection connection) throws SQLException {
		// only the schemas the migrations build: another application's schema in the same
		// database is not drift
		SchemaDiff diff = between(expected, SchemaSnapshot.read(connection, expected.schemaNames()));
		return new SchemaDiff(diff.missing(), ReparsedConstraints.stillDifferent(connection, diff.different(), false),
				diff.extra());
	}

	/**
	 * Missing objects, without the rows and sequence values the migrations left (state,
	 * not shape).
	 */
	public List<SchemaObject> missingObjects() {
		return this.missing.stream().filter((object) -> !object.kind().bookkeeping()).toList();
	}

	public static SchemaDiff between(SchemaSnapshot expected, SchemaSnapshot found) {
		List<SchemaObject> missing = new ArrayList<>();
		List<Difference> different = new ArrayList<>();
		for (SchemaObject object : expected.objects()) {
			found.find(object).ifPresentOrElse((present) -> {
				if (!object.kind().bookkeeping() && !object.definition().equals(present.definition())) {
					different.add(new Difference(object, present));
				}
			}, () -> missing.add(object));
		}
		missing.sort(Comparator.comparing(SchemaObject::kind));
		List<SchemaObject> extra = found.objects()
			.stream()
			.filter((object) -> !object.kind().bookkeeping() && expected.find(object).isEmpty())
			// A table the migrations do not know: its columns, constraints... are not
			// news.
			.filter((object) -> object.parent() == null || expected.containsTable(object.parent()))
			.toList();
		return new SchemaDiff(List.copyOf(missing), List.copyOf(different), extra);
	}

	/** An object that exists with another definition than the migrations give it. */
	public record Difference(SchemaObject expected, SchemaObject found) {

		public String describe() {
			return this.expected.describe() + " differs from what the migrations build: expected "
					+ this.expected.definition() + ", found " + this.found.definition();
		}
	}
}
