package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.engine.catalog.DbObject;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.sql.AlterAction;
import io.github.idempotentmigrations.engine.sql.Flag;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import org.jspecify.annotations.Nullable;

/**
 * {@code ALTER TABLE} that PostgreSQL refused as "already there / already gone", or that
 * skipped an {@code IF NOT EXISTS} action. A refused statement is split into its actions,
 * applied in order, each under its own savepoint and each judged by the same rule:
 * PostgreSQL's answer first, the live catalog only after a refusal.
 */
final class AlterTableReconciler {

	private AlterTableReconciler() {
	}

	static Verdict reconcile(Reconciliation r) throws SQLException {
		ObjectName written = r.statement.target();
		if (r.attempt.ran()) {
			return afterSkippedActions(r, written);
		}
		Optional<DbObject> relation = r.catalog.relation(written);
		if (relation.isEmpty()) {
			return renamedAlready(r, written);
		}
		ObjectName table = new ObjectName(relation.get().schema(), written.name());
		String prefix = "ALTER TABLE " + (r.statement.has(Flag.ONLY) ? "ONLY " : "") + table.toSql() + " ";
		List<ActionResult> results = new ArrayList<>();
		for (AlterAction action : r.statement.actions()) {
			Optional<ActionResult> alreadyThere = AlterActionReconciler.equivalentUnnamedConstraint(r, table, action);
			if (alreadyThere.isPresent()) {
				results.add(alreadyThere.get());
				continue;
			}
			Attempt attempt = r.runDerived(prefix + action.text());
			results.add(attempt.ran() ? AlterActionReconciler.afterRun(r, table, action, attempt)
					: AlterActionReconciler.afterRefusal(r, table, action, attempt));
		}
		return combine(table, results);
	}

	/**
	 * The statement ran; an {@code ADD COLUMN IF NOT EXISTS} that skipped must still
	 * match the column found.
	 */
	private static Verdict afterSkippedActions(Reconciliation r, ObjectName written) throws SQLException {
		Optional<DbObject> relation = r.catalog.relation(written);
		if (relation.isEmpty()) {
			return r.unexplained();
		}
		ObjectName table = new ObjectName(relation.get().schema(), written.name());
		List<ActionResult> results = new ArrayList<>();
		for (AlterAction action : r.statement.actions()) {
			results.add((action.kind() == AlterAction.Kind.ADD_COLUMN && action.has(Flag.IF_NOT_EXISTS))
					? AlterActionReconciler.compareColumn(r, table, action)
					: ActionResult.applied(action, table + "", "ran as written"));
		}
		Verdict combined = combine(table, results);
		return (combined.outcome() != Outcome.RECONCILED) ? combined
				: Verdict.skipped(combined.object(), combined.reason());
	}

	/**
	 * PostgreSQL found no table: only a {@code RENAME TO} whose new name exists is
	 * already done.
	 */
	private static Verdict renamedAlready(Reconciliation r, ObjectName written) throws SQLException {
		List<AlterAction> actions = r.statement.actions();
		if (actions.size() == 1 && actions.get(0).kind() == AlterAction.Kind.RENAME_TABLE) {
			ObjectName renamed = new ObjectName(r.qualify(written).schema(), actions.get(0).newName());
			Optional<DbObject> relation = r.catalog.relation(renamed);
			if (relation.isPresent() && "rp".contains(relation.get().kind())) {
				return Verdict.skipped(written, "already renamed to " + renamed);
			}
		}
		return r.unexplained();
	}

	private static Verdict combine(ObjectName table, List<ActionResult> results) {
		Optional<ActionResult> conflict = results.stream().filter((a) -> a.outcome() == Outcome.CONFLICT).findFirst();
		if (conflict.isPresent()) {
			return Verdict.conflict(conflict.get().object(), conflict.get().reason(), conflict.get().expected(),
					conflict.get().found());
		}
		String object = (results.size() != 1) ? table.toString() : results.get(0).object();
		String reasons = String.join("; ", results.stream().map(ActionResult::reason).toList());
		long applied = results.stream().filter((a) -> a.outcome() == Outcome.APPLIED).count();
		boolean reconciled = results.stream().anyMatch((a) -> a.outcome() == Outcome.RECONCILED);
		if (applied == results.size()) {
			return Verdict.applied(object, reasons);
		}
		return (applied == 0 && !reconciled) ? Verdict.skipped(object, reasons) : Verdict.reconciled(object, reasons);
	}

	/** What became of one action of a split statement. */
	record ActionResult(AlterAction action, Outcome outcome, String object, String reason, @Nullable String expected,
			@Nullable String found) {

		static ActionResult applied(AlterAction action, String object, String reason) {
			return new ActionResult(action, Outcome.APPLIED, object, reason, null, null);
		}

		static ActionResult reconciled(AlterAction action, String object, String reason) {
			return new ActionResult(action, Outcome.RECONCILED, object, reason, null, null);
		}

		static ActionResult skipped(AlterAction action, String object, String reason) {
			return new ActionResult(action, Outcome.SKIPPED, object, reason, null, null);
		}

		static ActionResult conflict(AlterAction action, String object, String reason, String expected, String found) {
			return new ActionResult(action, Outcome.CONFLICT, object, reason, expected, found);
		}
	}

}
