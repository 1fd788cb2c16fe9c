package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.Column;
import io.github.idempotentmigrations.engine.catalog.Constraint;
import io.github.idempotentmigrations.engine.catalog.DbObject;
import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.sql.Flag;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.TableElement;

/**
 * {@code CREATE TABLE} that PostgreSQL refused (or skipped under {@code IF NOT EXISTS})
 * because the table exists: lets PostgreSQL build the statement's table in a probe, adds
 * the columns and constraints the real table lacks, and reports what differs. Never a
 * silent skip: {@code IF NOT EXISTS} alone would leave missing columns missing.
 */
final class CreateTableReconciler {

	private CreateTableReconciler() {
	}

	static Verdict reconcile(Reconciliation r) throws SQLException {
		ObjectName table = r.qualify(r.statement.target());
		Optional<DbObject> relation = r.catalog.relation(table);
		if (relation.isEmpty() || !relation.get().schema().equals(table.schema())) {
			return r.unexplained();
		}
		if (!"rp".contains(relation.get().kind())) {
			return Verdict.conflict(table,
					"a " + RelationKinds.describe(relation.get().kind()) + " named " + table
							+ " exists where the statement creates a table",
					"table " + table, RelationKinds.describe(relation.get().kind()) + " " + table);
		}
		TableDetails actual = r.catalog.describe(table);
		if (r.statement.has(Flag.PARTITION_OF)) {
			return TableShapes.partition(r, table, actual);
		}
		TableDetails expected = Probe.createdTable(r, table.name());
		Optional<Verdict> otherShape = TableShapes.conflict(r, table, expected, actual);
		if (otherShape.isPresent()) {
			return otherShape.get();
		}
		Differences differences = new Differences();
		List<String> judgedAtEnd = new ArrayList<>();
		for (Column want : expected.columns().values()) {
			Optional<Column> have = actual.column(want.name());
			if (have.isEmpty()) {
				continue;
			}
			Column wanted = Normalize.column(want, table.schema());
			Column found = Normalize.column(have.get(), table.schema());
			if (wanted.sameDefinitionAs(found)) {
				continue;
			}
			if (r.judgesColumnsAtMigrationEnd() && ColumnAhead.differsOnlyInNullabilityOrDefault(wanted, found)) {
				r.columnAhead(new ColumnAhead(table, want.name(), "ADD COLUMN " + columnText(r, want.name()), -1));
				judgedAtEnd.add(want.name());
			}
			else {
				differences.add(want.definition(), have.get().definition());
			}
		}
		if (!differences.isEmpty()) {
			// the table is left as it is: its constraints could not even be built on
			// columns of another type
			return differences.conflict(table, "table " + table + " exists but differs from the statement");
		}
		List<String> added = new ArrayList<>();
		for (Column want : expected.columns().values()) {
			if (actual.column(want.name()).isEmpty()) {
				r.runDerivedOrFail("ALTER TABLE " + table.toSql() + " ADD COLUMN " + columnText(r, want.name()));
				added.add("column " + want.name());
			}
		}
		if (!added.isEmpty()) {
			actual = r.catalog.describe(table);
		}
		List<String> validated = new ArrayList<>();
		for (Constraint want : expected.constraints().values()) {
			if ("n".equals(want.type())) {
				continue;
			}
			Optional<Constraint> equivalent = Constraints.equivalent(actual, want);
			if (equivalent.isPresent()) {
				if (equivalent.get().notValidated() && !want.notValidated()) {
					Optional<Verdict> refused = validate(r, table, equivalent.get());
					if (refused.isPresent()) {
						return refused.get();
					}
					validated.add(equivalent.get().name());
				}
				continue;
			}
			Constraint sameName = actual.constraints().get(want.name());
			if (sameName != null) {
				differences.add("CONSTRAINT " + want.name() + " " + want.comparableDefinition(),
						"CONSTRAINT " + sameName.name() + " " + sameName.comparableDefinition());
				continue;
			}
			r.runDerivedOrFail("ALTER TABLE " + table.toSql() + " ADD CONSTRAINT " + ObjectName.quote(want.name()) + " "
					+ want.definition());
			added.add("constraint " + want.name());
		}
		if (!differences.isEmpty()) {
			return differences.conflict(table, "table " + table + " exists but differs from the statement"
					+ (added.isEmpty() ? "" : " (added " + String.join(", ", added) + ")"));
		}
		String extra = extraColumns(expected, actual)
				+ (judgedAtEnd.isEmpty() ? "" : "; columns " + String.join(", ", judgedAtEnd) + " differ in NOT NULL"
						+ " or default only: judged when the migration ends, after its later statements");
		if (!added.isEmpty() || !judgedAtEnd.isEmpty() || !validated.isEmpty()) {
			return Verdict.reconciled(table,
					"table existed" + (added.isEmpty() ? "" : "; added missing " + String.join(", ", added))
							+ (validated.isEmpty() ? "" : "; validated NOT VALID constraints " + validated) + extra);
		}
		return Verdict.skipped(table, "table exists with every column and constraint of the statement" + extra);
	}

	/**
	 * A constraint the table has NOT VALID where the statement makes it validated:
	 * PostgreSQL validates it, or its refusal (rows that violate it) is the conflict.
	 */
	private static Optional<Verdict> validate(Reconciliation r, ObjectName table, Constraint existing)
			throws SQLException {
		Attempt attempt = r
			.runDerived("ALTER TABLE " + table.toSql() + " VALIDATE CONSTRAINT " + ObjectName.quote(existing.name()));
		if (attempt.ran()) {
			return Optional.empty();
		}
		String name = table + "." + existing.name();
		return Optional.of(Verdict.conflict(name,
				"constraint " + name + " exists NOT VALID where the statement"
						+ " creates it validated, and PostgreSQL refused to validate it: "
						+ attempt.refusal().getMessage() + ". Fix or delete the rows that violate it, then start again",
				existing.comparableDefinition(), existing.definition()));
	}

	private static String columnText(Reconciliation r, String column) {
		return r.statement.elements()
			.stream()
			.filter((e) -> e.type() == TableElement.Type.COLUMN && column.equals(e.name()))
			.map(TableElement::text)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("column " + column + " not found in the statement"));
	}

	private static String extraColumns(TableDetails expected, TableDetails actual) {
		List<String> extra = actual.columns()
			.keySet()
			.stream()
			.filter((c) -> !expected.columns().containsKey(c))
			.toList();
		return extra.isEmpty() ? "" : "; it also has columns the statement does not name: " + String.join(", ", extra);
	}

}
