package io.github.idempotentmigrations.engine.sql;

import java.util.List;
import java.util.Set;

import io.github.idempotentmigrations.engine.sql.AlterAction.Kind;
import org.jspecify.annotations.Nullable;

/** {@code ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, ...]}. */
final class AlterTableParser {

	private AlterTableParser() {
	}

	/** Parses what follows {@code ALTER TABLE}. */
	static ClassifiedStatement parse(TokenCursor cursor) {
		cursor.acceptKeyword("if", "exists");
		ClassifiedStatementBuilder statement = new ClassifiedStatementBuilder(cursor.sql())
			.flagIf(cursor.acceptKeyword("only"), Flag.ONLY)
			.target(cursor.name());
		cursor.acceptOperator("*");
		List<TokenCursor> items = cursor.remainingItems();
		if (items.isEmpty() || items.size() > 1 && items.stream().anyMatch(AlterTableParser::standsAlone)) {
			throw new UnrecognisedStatementException();
		}
		return statement.actions(items.stream().map(AlterTableParser::action).toList())
			.build(StatementKind.ALTER_TABLE);
	}

	/**
	 * PostgreSQL's grammar has RENAME and SET SCHEMA as statements of their own, never in
	 * an action list.
	 */
	private static boolean standsAlone(TokenCursor item) {
		return item.atKeyword("rename") || item.atKeyword("set", "schema");
	}

	private static AlterAction action(TokenCursor item) {
		if (item.acceptKeyword("add")) {
			return add(item);
		}
		if (item.acceptKeyword("drop")) {
			return drop(item);
		}
		if (item.acceptKeyword("alter")) {
			return alterColumn(item);
		}
		if (item.acceptKeyword("rename")) {
			return rename(item);
		}
		if (item.acceptKeyword("attach", "partition")) {
			String partition = item.name().objectName().name();
			item.expectMore();
			return action(item, Kind.OTHER, partition);
		}
		if (item.acceptKeyword("set", "schema")) {
			// AlterAction.name documents the new schema for SET SCHEMA, which has no kind
			// of its own
			return completeAction(item, Kind.OTHER, item.identifier().value());
		}
		return action(item, Kind.OTHER, null);
	}

	/**
	 * {@code ADD [CONSTRAINT n] constraint}, or
	 * {@code ADD [COLUMN] [IF NOT EXISTS] column type ...}.
	 */
	private static AlterAction add(TokenCursor item) {
		String constraintName = item.acceptKeyword("constraint") ? item.identifier().value() : null;
		String constraintType = TableConstraints.typeAt(item);
		if (constraintType != null) {
			return new AlterAction(Kind.ADD_CONSTRAINT, constraintName, null, constraintType, Set.of(), item.text());
		}
		if (constraintName != null) {
			// a named constraint of another type, such as PostgreSQL 18's NOT NULL: not
			// modelled
			throw new UnrecognisedStatementException();
		}
		item.acceptKeyword("column");
		Set<Flag> flags = item.acceptKeyword("if", "not", "exists") ? Set.of(Flag.IF_NOT_EXISTS) : Set.of();
		String column = item.identifier().value();
		item.expectMore();
		return new AlterAction(Kind.ADD_COLUMN, column, null, null, flags, item.text());
	}

	/**
	 * {@code DROP CONSTRAINT [IF EXISTS] n} or {@code DROP [COLUMN] [IF EXISTS] c}, then
	 * CASCADE or RESTRICT.
	 */
	private static AlterAction drop(TokenCursor item) {
		Kind kind = Kind.DROP_COLUMN;
		if (item.acceptKeyword("constraint")) {
			kind = Kind.DROP_CONSTRAINT;
		}
		else {
			item.acceptKeyword("column");
		}
		item.acceptKeyword("if", "exists");
		String name = item.identifier().value();
		item.acceptDropBehaviour();
		return completeAction(item, kind, name);
	}

	/**
	 * {@code ALTER [COLUMN] c ...}; {@code ALTER CONSTRAINT} and column changes not
	 * modelled are OTHER.
	 */
	private static AlterAction alterColumn(TokenCursor item) {
		if (item.atKeyword("constraint")) {
			return action(item, Kind.OTHER, null);
		}
		item.acceptKeyword("column");
		String column = item.identifier().value();
		if (item.acceptKeyword("type") || item.acceptKeyword("set", "data", "type")) {
			item.expectMore();
			return action(item, Kind.ALTER_COLUMN_TYPE, column);
		}
		if (item.acceptKeyword("set", "default")) {
			item.expectMore();
			return action(item, Kind.ALTER_COLUMN_SET_DEFAULT, column);
		}
		if (item.acceptKeyword("add", "generated")) {
			if (!item.acceptKeyword("always")) {
				item.expectKeyword("by", "default");
			}
			item.expectKeyword("as", "identity");
			if (item.at(TokenType.LEFT_PAREN)) {
				item.skipParenthesized();
			}
			return completeAction(item, Kind.OTHER, column);
		}
		if (item.acceptKeyword("drop", "default")) {
			return completeAction(item, Kind.ALTER_COLUMN_DROP_DEFAULT, column);
		}
		if (item.acceptKeyword("set", "not", "null")) {
			return completeAction(item, Kind.ALTER_COLUMN_SET_NOT_NULL, column);
		}
		if (item.acceptKeyword("drop", "not", "null")) {
			return completeAction(item, Kind.ALTER_COLUMN_DROP_NOT_NULL, column);
		}
		return action(item, Kind.OTHER, null);
	}

	/**
	 * {@code RENAME TO t}, {@code RENAME CONSTRAINT a TO b} or
	 * {@code RENAME [COLUMN] a TO b}.
	 */
	private static AlterAction rename(TokenCursor item) {
		if (item.acceptKeyword("to")) {
			String table = item.identifier().value();
			item.expectEnd();
			return new AlterAction(Kind.RENAME_TABLE, table, table, null, Set.of(), item.text());
		}
		Kind kind = Kind.RENAME_COLUMN;
		if (item.acceptKeyword("constraint")) {
			kind = Kind.RENAME_CONSTRAINT;
		}
		else {
			item.acceptKeyword("column");
		}
		String name = item.identifier().value();
		item.expectKeyword("to");
		String newName = item.identifier().value();
		item.expectEnd();
		return new AlterAction(kind, name, newName, null, Set.of(), item.text());
	}

	private static AlterAction action(TokenCursor item, Kind kind, @Nullable String name) {
		return new AlterAction(kind, name, null, null, Set.of(), item.text());
	}

	/** An action that must end here, such as {@code DROP DEFAULT}. */
	private static AlterAction completeAction(TokenCursor item, Kind kind, @Nullable String name) {
		item.expectEnd();
		return action(item, kind, name);
	}

}
