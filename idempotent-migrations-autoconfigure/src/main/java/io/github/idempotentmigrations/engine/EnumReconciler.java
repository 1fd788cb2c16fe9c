package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.DbObject;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/** Enum types PostgreSQL found already there: compared label by label, in order. */
final class EnumReconciler {

	private EnumReconciler() {
	}

	/**
	 * {@code CREATE TYPE ... AS ENUM} refused: equal, missing trailing labels (added), or
	 * a conflict.
	 */
	static Verdict create(Reconciliation r) throws SQLException {
		ObjectName type = r.qualify(r.statement.target());
		Optional<DbObject> existing = r.catalog.type(type);
		if (existing.isEmpty()) {
			return r.unexplained();
		}
		List<String> wanted = StatementRewriter.enumLabels(r.statement.sql());
		if (!"e".equals(existing.get().kind())) {
			return Verdict.conflict(type, "a type named " + type + " exists but is not an enum", "enum " + wanted,
					"type of kind " + existing.get().kind());
		}
		List<String> have = labels(existing.get());
		if (have.equals(wanted)) {
			return Verdict.skipped(type, "enum type exists with the same labels");
		}
		if (have.size() < wanted.size() && wanted.subList(0, have.size()).equals(have)) {
			List<String> missing = wanted.subList(have.size(), wanted.size());
			for (String label : missing) {
				r.runDerivedOrFail("ALTER TYPE " + type.toSql() + " ADD VALUE " + literal(label));
			}
			return Verdict.reconciled(type, "enum type existed; added missing labels " + missing);
		}
		return Verdict.conflict(type, "enum " + type + " exists with other labels", String.join(", ", wanted),
				String.join(", ", have));
	}

	/**
	 * {@code ALTER TYPE ... RENAME VALUE a TO b} refused because {@code a} is gone: done
	 * if {@code b} is there.
	 */
	static Verdict renameValue(Reconciliation r) throws SQLException {
		ObjectName type = r.statement.target();
		Optional<DbObject> existing = r.catalog.type(type);
		if (existing.isPresent() && labels(existing.get()).contains(r.statement.newName())) {
			return Verdict.skipped(type + "." + r.statement.newName(), "enum label already renamed");
		}
		return r.unexplained();
	}

	private static List<String> labels(DbObject type) {
		return (type.detail() == null) ? List.of() : Arrays.asList(type.detail().split("\n"));
	}

	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

}
