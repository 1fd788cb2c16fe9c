package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.Locale;

import io.github.idempotentmigrations.engine.sql.ObjectName;

/**
 * {@code ALTER INDEX/VIEW/SEQUENCE/TYPE/... RENAME TO} that PostgreSQL refused: with the
 * old name gone and the new one present it is already done; with both present it is a
 * conflict.
 */
final class RenameReconciler {

	private RenameReconciler() {
	}

	static Verdict reconcile(Reconciliation r) throws SQLException {
		String type = (r.statement.objectType() != null) ? r.statement.objectType() : "INDEX";
		ObjectName from = r.qualify(r.statement.target());
		ObjectName to = new ObjectName(from.schema(), r.statement.newName());
		boolean toExists = exists(r, type, to);
		if (r.attempt.refusedAsMissing() && toExists) {
			return Verdict.skipped(from, "already renamed to " + to);
		}
		if (r.attempt.refusedAsAlreadyExisting() && toExists && exists(r, type, from)) {
			String what = type.toLowerCase(Locale.ROOT);
			return Verdict.conflict(from, "both " + from + " and " + to + " exist", what + " " + to + " only",
					what + "s " + from + " and " + to);
		}
		return r.unexplained();
	}

	private static boolean exists(Reconciliation r, String type, ObjectName name) throws SQLException {
		return switch (type) {
			case "TYPE", "DOMAIN" -> r.catalog.type(name).isPresent();
			case "SCHEMA" -> r.catalog.schemaExists(name.name());
			case "FUNCTION", "PROCEDURE", "ROUTINE" -> !r.catalog.routines(name).isEmpty();
			default -> r.catalog.relation(name).isPresent();
		};
	}

}
