package io.github.idempotentmigrations.engine;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.idempotentmigrations.engine.AlterTableReconciler.ActionResult;
import io.github.idempotentmigrations.engine.catalog.Column;
import io.github.idempotentmigrations.engine.catalog.Constraint;
import io.github.idempotentmigrations.engine.catalog.TableDetails;
import io.github.idempotentmigrations.engine.sql.AlterAction;
import io.github.idempotentmigrations.engine.sql.ObjectName;

/**
 * Judges one action of a split {@code ALTER TABLE} from PostgreSQL's answer to it and the
 * live catalog.
 */
final class AlterActionReconciler {

	private AlterActionReconciler() {
	}

	static ActionResult afterRun(Reconciliation r, ObjectName table, AlterAction action, Attempt attempt)
			throws SQLException {
		if (attempt.skippedAsExisting() && action.kind() == AlterAction.Kind.ADD_COLUMN) {
			return compareColumn(r, table, action);
		}
		if (attempt.skippedAsMissing() > 0) {
			return ActionResult.skipped(action, object(table, action), "already absent");
		}
		return ActionResult.applied(action, object(table, action), "ran as written");
	}

	static ActionResult afterRefusal(Reconciliation r, ObjectName table, AlterAction action, Attempt attempt)
			throws SQLException {
		String state = attempt.sqlState();
		String object = object(table, action);
		boolean exists = SqlStates.alreadyExists(state);
		boolean missing = SqlStates.doesNotExist(state);
		switch (action.kind()) {
			case ADD_COLUMN -> {
				if ("42701".equals(state)) {
					return compareColumn(r, table, action);
				}
			}
			case ADD_CONSTRAINT -> {
				boolean secondPrimaryKey = SqlStates.INVALID_TABLE_DEFINITION.equals(state)
						&& "PRIMARY KEY".equals(action.constraintType());
				if (exists || secondPrimaryKey) {
					return compareConstraint(r, table, action);
				}
			}
			case DROP_COLUMN, DROP_CONSTRAINT -> {
				if (missing) {
					return ActionResult.skipped(action, object, "already absent");
				}
			}
			case RENAME_COLUMN, RENAME_CONSTRAINT -> {
				TableDetails details = r.catalog.describe(table);
				boolean column = action.kind() == AlterAction.Kind.RENAME_COLUMN;
				boolean newExists = column ? details.columns().containsKey(action.newName())
						: details.constraints().containsKey(action.newName());
				if (missing && newExists) {
					return ActionResult.skipped(action, object, "already renamed to " + action.newName());
				}
				if (exists && newExists) {
					String what = column ? "column" : "constraint";
					return ActionResult.conflict(action, object, "both the old and the new " + what + " name exist",
							what + " " + action.newName() + " only",
							what + "s " + action.name() + " and " + action.newName());
				}
			}
			case RENAME_TABLE -> {
				if (exists) {
					return ActionResult.conflict(action, table.toString(),
							"both " + table + " and its new name " + action.newName() + " exist",
							"table " + action.newName(), "tables " + table + " and " + action.newName());
				}
			}
			default -> {
			}
		}
		throw attempt.refusal();
	}

	/**
	 * An existing column the action would add: equal (as PostgreSQL builds it on an empty
	 * copy) or a conflict. Inline constraints of the action ({@code UNIQUE},
	 * {@code REFERENCES}, {@code CHECK}) that the table lacks are added.
	 */
	static ActionResult compareColumn(Reconciliation r, ObjectName table, AlterAction action) throws SQLException {
		String object = object(table, action);
		TableDetails actual = r.catalog.describe(table);
		Optional<Column> have = actual.column(action.name());
		if (have.isEmpty()) {
			return ActionResult.applied(action, object, "column added");
		}
		TableDetails probed = Probe.onEmptyCopy(r, table, action.name(),
				(copy) -> "ALTER TABLE " + copy + " " + action.text());
		Optional<Column> want = probed.column(action.name());
		Column found = Normalize.column(have.get(), table.schema());
		Optional<Column> wanted = want.map((column) -> Normalize.column(column, table.schema()));
		String deferred = null;
		if (wanted.isEmpty() || !wanted.get().sameDefinitionAs(found)) {
			if (wanted.isEmpty() || !r.judgesColumnsAtMigrationEnd()
					|| !ColumnAhead.differsOnlyInNullabilityOrDefault(wanted.get(), found)) {
				return ActionResult.conflict(action, object, "column " + object + " exists with another definition",
						want.map(Column::definition).orElse(action.text()), have.get().definition());
			}
			r.columnAhead(new ColumnAhead(table, action.name(), action.text(), -1));
			deferred = "column already exists as " + found.definition() + " where this action adds "
					+ wanted.get().definition() + ": judged when the migration ends, after its later statements";
		}
		List<String> added = new ArrayList<>();
		for (Constraint built : probed.constraints().values()) {
			if ("n".equals(built.type()) || Constraints.hasEquivalent(actual, built)) {
				continue;
			}
			Constraint sameName = actual.constraints().get(built.name());
			if (sameName != null) {
				return ActionResult.conflict(action, table + "." + built.name(),
						"constraint " + table + "." + built.name() + " exists with another definition",
						built.comparableDefinition(), sameName.comparableDefinition());
			}
			r.runDerivedOrFail("ALTER TABLE " + table.toSql() + " ADD CONSTRAINT " + ObjectName.quote(built.name())
					+ " " + built.definition());
			added.add(built.name());
		}
		if (deferred != null) {
			return ActionResult.reconciled(action, object,
					added.isEmpty() ? deferred : deferred + "; added its constraints " + added);
		}
		return added.isEmpty() ? ActionResult.skipped(action, object, "column already exists with the same definition")
				: ActionResult.reconciled(action, object, "column already existed; added its constraints " + added);
	}

	/**
	 * An existing constraint the action would add (by its name, or the table's primary
	 * key when PostgreSQL refused a second one): equal or a conflict. A name held by
	 * something else (an index) is a conflict.
	 */
	static ActionResult compareConstraint(Reconciliation r, ObjectName table, AlterAction action) throws SQLException {
		TableDetails details = r.catalog.describe(table);
		String type = ConstraintTypes.code(action.constraintType());
		TableDetails probed = Probe.onEmptyCopy(r, table, null, (copy) -> "ALTER TABLE " + copy + " " + action.text());
		String wanted = probed.constraintsOfType(type)
			.stream()
			.filter((c) -> action.name() == null || c.name().equals(action.name()))
			.map(Constraint::comparableDefinition)
			.findFirst()
			.orElse(action.text());
		Optional<Constraint> have = Optional
			.ofNullable((action.name() != null) ? details.constraints().get(action.name()) : null);
		if (have.isEmpty() && "p".equals(type)) {
			have = details.constraintsOfType("p").stream().findFirst();
		}
		if (have.isEmpty()) {
			String name = table + "." + action.name();
			return ActionResult.conflict(action, name,
					"the name " + name + " is taken by another object than a" + " constraint (an index?)",
					action.constraintType() + " " + wanted, "another object named " + action.name());
		}
		String object = table + "." + have.get().name();
		return have.get().comparableDefinition().equals(wanted)
				? ActionResult.skipped(action, object, "constraint already exists with the same definition")
				: ActionResult.conflict(action, object, "constraint " + object + " exists with another definition",
						wanted, have.get().comparableDefinition());
	}

	/**
	 * An unnamed constraint of a refused statement: PostgreSQL would never refuse it (it
	 * picks a fresh name), so an equivalent one that is already there is looked for
	 * before it runs again.
	 */
	static Optional<ActionResult> equivalentUnnamedConstraint(Reconciliation r, ObjectName table, AlterAction action)
			throws SQLException {
		if (action.kind() != AlterAction.Kind.ADD_CONSTRAINT || action.name() != null) {
			return Optional.empty();
		}
		TableDetails actual = r.catalog.describe(table);
		TableDetails probed = Probe.onEmptyCopy(r, table, null, (copy) -> "ALTER TABLE " + copy + " " + action.text());
		String type = ConstraintTypes.code(action.constraintType());
		return probed.constraintsOfType(type)
			.stream()
			.flatMap((built) -> actual.constraints()
				.values()
				.stream()
				.filter((c) -> c.type().equals(type) && c.comparableDefinition().equals(built.comparableDefinition())))
			.findFirst()
			.map((existing) -> ActionResult.skipped(action, table + "." + existing.name(),
					"an equal constraint already exists as " + existing.name()));
	}

	private static String object(ObjectName table, AlterAction action) {
		return (action.name() != null && action.kind() != AlterAction.Kind.RENAME_TABLE) ? table + "." + action.name()
				: table.toString();
	}

}
