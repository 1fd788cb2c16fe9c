package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.DbObject;
import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.StatementKind;
import io.github.idempotentmigrations.engine.sql.TextSpan;

/**
 * {@code CREATE TRIGGER} and {@code CREATE POLICY} that PostgreSQL found already there:
 * equal (built on an empty copy of the table and compared) means done, otherwise a
 * conflict.
 */
final class TableBoundReconciler {

	private TableBoundReconciler() {
	}

	static Verdict reconcile(Reconciliation r) throws SQLException {
		boolean trigger = r.statement.kind() == StatementKind.CREATE_TRIGGER;
		Optional<DbObject> relation = r.catalog.relation(r.statement.table());
		if (relation.isEmpty()) {
			return r.unexplained();
		}
		ObjectName table = new ObjectName(relation.get().schema(), r.statement.table().name());
		String name = r.statement.target().name();
		String object = table + "." + name;
		String have = definitions(r.catalog.describe(table), trigger).get(name);
		if (have == null) {
			return r.unexplained();
		}
		TextSpan tableSpan = StatementRewriter.tableSpanAfterOn(r.statement.sql());
		TableDetails probed = Probe.onEmptyCopy(r, table, null,
				(copy) -> StatementRewriter.replace(r.statement.sql(), tableSpan, copy));
		String wanted = definitions(probed, trigger).get(name);
		if (comparable(wanted, trigger).equals(comparable(have, trigger))) {
			return Verdict.skipped(object, "exists with the same definition");
		}
		return Verdict.conflict(object, object + " exists with another definition", wanted, have);
	}

	private static Map<String, String> definitions(TableDetails details, boolean trigger) {
		return trigger ? details.triggers() : details.policies();
	}

	/**
	 * A trigger definition names its table; drop that so the probe's copy compares equal
	 * to the real table.
	 */
	private static String comparable(String definition, boolean trigger) {
		if (definition == null) {
			return "";
		}
		return trigger ? definition.replaceFirst(" ON \\S+ ", " ON <table> ") : definition;
	}

}
