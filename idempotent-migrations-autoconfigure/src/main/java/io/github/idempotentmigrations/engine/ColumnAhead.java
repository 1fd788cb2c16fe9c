package io.github.idempotentmigrations.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.idempotentmigrations.engine.catalog.Column;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.sql.AlterAction;
import io.github.idempotentmigrations.engine.sql.ClassifiedStatement;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.engine.sql.StatementClassifier;
import io.github.idempotentmigrations.engine.sql.StatementKind;
import org.jspecify.annotations.Nullable;

/**
 * A column that existed when a statement of a transactional migration added it
 * ({@code ADD COLUMN}, or a {@code CREATE TABLE} of a table that exists), the same but
 * for NOT NULL or its default: the way a hot-fix makes it when it copies what the whole
 * migration leaves (a column added, filled, then made NOT NULL), or when it leaves out
 * the NOT NULL. It is judged when the migration ends, against what PostgreSQL builds from
 * the adding action and the migration's later {@code ALTER COLUMN} actions on it, on an
 * empty copy of the table.
 *
 * @param table the table, qualified
 * @param column the column's name
 * @param addition an {@code ADD COLUMN} action with the statement's own column text
 * @param statementIndex the index of the statement that added it, in its migration
 * (1-based)
 */
record ColumnAhead(ObjectName table, String column, String addition, int statementIndex) {

	private static final Set<AlterAction.Kind> COLUMN_CHANGES = Set.of(AlterAction.Kind.ALTER_COLUMN_SET_NOT_NULL,
			AlterAction.Kind.ALTER_COLUMN_DROP_NOT_NULL, AlterAction.Kind.ALTER_COLUMN_SET_DEFAULT,
			AlterAction.Kind.ALTER_COLUMN_DROP_DEFAULT, AlterAction.Kind.ALTER_COLUMN_TYPE);

	/** Whether two definitions of a column differ in nullability or default only. */
	static boolean differsOnlyInNullabilityOrDefault(Column wanted, Column found) {
		return wanted.type().equals(found.type()) && Objects.equals(wanted.collation(), found.collation())
				&& wanted.identity().equals(found.identity()) && wanted.generated() == found.generated()
				&& !wanted.sameDefinitionAs(found);
	}

	ColumnAhead at(int index) {
		return new ColumnAhead(this.table, this.column, this.addition, index);
	}

	/**
	 * How the column ends, when the live one is not as the migration leaves it: a column
	 * of the migration's type that lacks only its NOT NULL or its default gets them
	 * ({@code ALTER COLUMN ... SET ...}), and PostgreSQL's refusal (NULLs in rows) is the
	 * conflict; any other difference is a conflict. A column that a later statement
	 * renamed or dropped is not judged (nothing of it is left to compare).
	 * @param statements the SQL of the migration's statements from the adding one on
	 */
	Optional<Ending> judgeAtMigrationEnd(Connection connection, StatementSavepoint savepoint, List<String> statements)
			throws SQLException {
		String adding = "ALTER TABLE " + this.table.toSql() + " " + this.addition;
		Reconciliation r = new Reconciliation(connection, StatementClassifier.classify(adding), null, savepoint);
		Optional<Column> live = r.catalog.describe(this.table).column(this.column);
		if (live.isEmpty()) {
			return Optional.empty();
		}
		String schema = this.table.schema();
		List<String> actions = Stream.concat(Stream.of(this.addition), laterChanges(r, statements).stream()).toList();
		Optional<Column> built;
		try {
			built = Probe
				.onEmptyCopy(r, this.table, this.column,
						(copy) -> actions.stream()
							.map((action) -> "ALTER TABLE " + copy + " " + action)
							.collect(Collectors.joining("; ")))
				.column(this.column);
		}
		catch (SQLException ex) {
			// PostgreSQL could not build it on an empty copy: no evidence that the column
			// is as the migration leaves it
			return Optional
				.of(differs(String.join("; ", actions) + " (" + ex.getMessage() + ")", live.get().definition()));
		}
		Column found = Normalize.column(live.get(), schema);
		Optional<Column> wanted = built.map((column) -> Normalize.column(column, schema));
		if (wanted.isPresent() && wanted.get().sameDefinitionAs(found)) {
			return Optional.empty();
		}
		if (wanted.isEmpty() || !lacksOnlyNotNullOrDefault(wanted.get(), found)) {
			return Optional
				.of(differs(wanted.map(Column::definition).orElse(String.join("; ", actions)), found.definition()));
		}
		return Optional.of(complete(r, built.get(), wanted.get(), found));
	}

	/**
	 * Gives the column the default and NOT NULL it lacks, in that order; PostgreSQL's
	 * refusal is the conflict.
	 */
	private Ending complete(Reconciliation r, Column built, Column wanted, Column found) throws SQLException {
		String alter = "ALTER TABLE " + this.table.toSql() + " ALTER COLUMN " + ObjectName.quote(this.column);
		List<String> sql = new ArrayList<>();
		if (found.defaultExpression() == null && wanted.defaultExpression() != null) {
			// the probe's own deparse: names in it resolve in this session as in the
			// migration's statement
			sql.add(alter + " SET DEFAULT " + built.defaultExpression());
		}
		if (!found.notNull() && wanted.notNull()) {
			sql.add(alter + " SET NOT NULL");
		}
		for (String action : sql) {
			Attempt attempt = r.runDerived(action);
			if (!attempt.ran()) {
				return new Ending(Outcome.CONFLICT, refusalReason(r, attempt), r.derivedActions(), wanted.definition(),
						found.definition());
			}
		}
		return new Ending(Outcome.RECONCILED,
				"column " + this.table + "." + this.column + " existed before this" + " migration as "
						+ found.definition() + "; given what the migration leaves: " + wanted.definition(),
				r.derivedActions(), null, null);
	}

	private String refusalReason(Reconciliation r, Attempt attempt) throws SQLException {
		String name = this.table + "." + this.column;
		if (!SqlStates.NOT_NULL_VIOLATION.equals(attempt.sqlState())) {
			return "column " + name + " existed before this migration without what it leaves, and PostgreSQL refused"
					+ " to give it that: " + attempt.refusal().getMessage();
		}
		long nulls = r.catalog.nullRows(this.table, this.column);
		return "column " + name + " existed before this migration without NOT NULL, and PostgreSQL refused to add it: "
				+ nulls + ((nulls != 1) ? " rows hold" : " row holds") + " NULL there. Fill them (UPDATE "
				+ this.table.toSql() + " SET " + ObjectName.quote(this.column) + " = ... WHERE "
				+ ObjectName.quote(this.column) + " IS NULL) or delete them, then start again";
	}

	private Ending differs(String expected, String found) {
		return new Ending(Outcome.CONFLICT, "column " + this.table + "." + this.column
				+ " existed before this migration and differs from what it leaves", List.of(), expected, found);
	}

	/**
	 * The same column but for a NOT NULL and a default that the live one lacks (never one
	 * it has otherwise).
	 */
	private static boolean lacksOnlyNotNullOrDefault(Column wanted, Column found) {
		return differsOnlyInNullabilityOrDefault(wanted, found) && (!found.notNull() || wanted.notNull())
				&& (Objects.equals(found.defaultExpression(), wanted.defaultExpression())
						|| found.defaultExpression() == null);
	}

	/**
	 * The actions on this table, from the adding statement on, that shape this column as
	 * it ends: its type, nullability and default, and a primary key (which makes its
	 * columns NOT NULL), in order.
	 */
	private List<String> laterChanges(Reconciliation r, List<String> statements) throws SQLException {
		List<String> changes = new ArrayList<>();
		for (String sql : statements) {
			ClassifiedStatement statement = StatementClassifier.classify(sql);
			if (statement.kind() != StatementKind.ALTER_TABLE || statement.target() == null
					|| !r.qualify(statement.target()).equals(this.table)) {
				continue;
			}
			statement.actions().stream().filter(this::shapesTheColumn).forEach((action) -> changes.add(action.text()));
		}
		return changes;
	}

	private boolean shapesTheColumn(AlterAction action) {
		return (COLUMN_CHANGES.contains(action.kind()) && this.column.equals(action.name()))
				|| (action.kind() == AlterAction.Kind.ADD_CONSTRAINT && "PRIMARY KEY".equals(action.constraintType()));
	}

	/**
	 * The column's ending when it is not as the migration leaves it.
	 *
	 * @param outcome {@link Outcome#RECONCILED} (completed by {@code actions}) or
	 * {@link Outcome#CONFLICT}
	 * @param reason one sentence for people
	 * @param actions SQL that PostgreSQL accepted for the column
	 * @param expected for a conflict: the column as the migration leaves it
	 * @param found for a conflict: the column found
	 */
	record Ending(Outcome outcome, String reason, List<String> actions, @Nullable String expected,
			@Nullable String found) {
	}
}
