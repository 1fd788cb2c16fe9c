package io.github.idempotentmigrations.engine;

import java.sql.SQLException;

import io.github.idempotentmigrations.engine.catalog.LiveCatalog.Definition;
import io.github.idempotentmigrations.engine.report.Outcome;

/**
 * Sends a statement that PostgreSQL refused as "already there / already gone" (or skipped
 * with such a NOTICE) to the reconciler of its kind. A kind that has none, and a word
 * that does not fit the kind (a CREATE told something is missing), leave PostgreSQL's
 * refusal standing.
 */
final class Reconcilers {

	private Reconcilers() {
	}

	/**
	 * The verdict for the statement. One that PostgreSQL ran, skipping its object as
	 * {@code IF NOT EXISTS} asked, is never a conflict: the author chose to keep whatever
	 * holds the name, so a difference is a warning.
	 */
	static Verdict decide(Reconciliation r) throws SQLException {
		Verdict verdict = judge(r);
		return (r.skippedByPostgres() && verdict.outcome() == Outcome.CONFLICT) ? verdict.asSkippedWarning() : verdict;
	}

	private static Verdict judge(Reconciliation r) throws SQLException {
		Attempt attempt = r.attempt;
		boolean exists = attempt.refusedAsAlreadyExisting() || attempt.skippedAsExisting();
		return switch (r.statement.kind()) {
			case CREATE_TABLE -> exists ? CreateTableReconciler.reconcile(r) : r.unexplained();
			case CREATE_TABLE_AS -> exists ? NamedObjectReconciler.tableAs(r) : r.unexplained();
			case ALTER_TABLE -> AlterTableReconciler.reconcile(r);
			case CREATE_INDEX -> exists ? IndexReconciler.reconcile(r) : r.unexplained();
			case CREATE_ENUM_TYPE -> exists ? EnumReconciler.create(r) : r.unexplained();
			case ALTER_TYPE_ADD_VALUE -> exists
					? Verdict.skipped(r.statement.target() + "." + r.statement.newName(), "enum label already present")
					: r.unexplained();
			case ALTER_TYPE_RENAME_VALUE -> SqlStates.INVALID_PARAMETER_VALUE.equals(attempt.sqlState())
					? EnumReconciler.renameValue(r) : r.unexplained();
			case CREATE_SCHEMA -> exists ? NamedObjectReconciler.schema(r) : r.unexplained();
			case CREATE_EXTENSION -> exists ? NamedObjectReconciler.extension(r) : r.unexplained();
			case CREATE_SEQUENCE ->
				exists ? NamedObjectReconciler.relation(r, Definition.SEQUENCE, "S") : r.unexplained();
			case CREATE_VIEW -> exists ? NamedObjectReconciler.relation(r, Definition.VIEW, "v") : r.unexplained();
			case CREATE_MATERIALIZED_VIEW ->
				exists ? NamedObjectReconciler.relation(r, Definition.VIEW, "m") : r.unexplained();
			case CREATE_FUNCTION, CREATE_PROCEDURE -> exists ? NamedObjectReconciler.routine(r) : r.unexplained();
			case CREATE_COMPOSITE_TYPE ->
				exists ? NamedObjectReconciler.type(r, Definition.COMPOSITE_TYPE) : r.unexplained();
			case CREATE_DOMAIN -> exists ? NamedObjectReconciler.type(r, Definition.DOMAIN) : r.unexplained();
			case CREATE_OTHER_TYPE -> exists ? NamedObjectReconciler.type(r, Definition.OTHER_TYPE) : r.unexplained();
			case CREATE_TRIGGER, CREATE_POLICY -> exists ? TableBoundReconciler.reconcile(r) : r.unexplained();
			case RENAME_INDEX, RENAME_OTHER -> RenameReconciler.reconcile(r);
			case DROP -> (attempt.refusedAsMissing() || attempt.ran()) ? DropReconciler.reconcile(r) : r.unexplained();
			default -> r.unexplained();
		};
	}

}
