package io.github.idempotentmigrations.engine.sql;

import java.util.EnumSet;
import java.util.Set;

/** {@code CREATE ...} statements; tables are left to {@link CreateTableParser}. */
final class CreateStatementParser {

	private CreateStatementParser() {
	}

	/** Parses what follows CREATE. */
	static ClassifiedStatement parse(TokenCursor cursor) {
		Set<Modifier> modifiers = modifiers(cursor);
		Token objectType = cursor.next();
		if (objectType.type() != TokenType.IDENTIFIER) {
			throw new UnrecognisedStatementException();
		}
		return switch (objectType.value()) {
			case "table" -> CreateTableParser.parse(cursor,
					statement(cursor, modifiers, Modifier.TEMPORARY, Modifier.UNLOGGED)
						.flagIf(modifiers.contains(Modifier.TEMPORARY), Flag.TEMPORARY)
						.flagIf(modifiers.contains(Modifier.UNLOGGED), Flag.UNLOGGED));
			case "index" -> index(cursor, statement(cursor, modifiers, Modifier.UNIQUE));
			case "type" -> type(cursor, statement(cursor, modifiers));
			case "domain" -> domain(cursor, statement(cursor, modifiers));
			case "sequence" -> sequence(cursor, statement(cursor, modifiers, Modifier.TEMPORARY, Modifier.UNLOGGED));
			case "schema" -> schema(cursor, statement(cursor, modifiers));
			case "extension" -> extension(cursor, statement(cursor, modifiers));
			case "view" ->
				view(cursor, statement(cursor, modifiers, Modifier.OR_REPLACE, Modifier.TEMPORARY, Modifier.RECURSIVE));
			case "materialized" -> materializedView(cursor, statement(cursor, modifiers));
			case "function" ->
				routine(cursor, statement(cursor, modifiers, Modifier.OR_REPLACE), StatementKind.CREATE_FUNCTION);
			case "procedure" ->
				routine(cursor, statement(cursor, modifiers, Modifier.OR_REPLACE), StatementKind.CREATE_PROCEDURE);
			case "trigger" -> trigger(cursor, statement(cursor, modifiers, Modifier.OR_REPLACE, Modifier.CONSTRAINT));
			case "policy" -> policy(cursor, statement(cursor, modifiers));
			default -> throw new UnrecognisedStatementException();
		};
	}

	/**
	 * {@code [OR REPLACE] [[GLOBAL | LOCAL] TEMP[ORARY] | UNLOGGED] [RECURSIVE | CONSTRAINT | UNIQUE]}.
	 */
	private static Set<Modifier> modifiers(TokenCursor cursor) {
		Set<Modifier> modifiers = EnumSet.noneOf(Modifier.class);
		if (cursor.acceptKeyword("or", "replace")) {
			modifiers.add(Modifier.OR_REPLACE);
		}
		boolean scoped = cursor.acceptKeyword("global") || cursor.acceptKeyword("local");
		if (cursor.acceptKeyword("temporary") || cursor.acceptKeyword("temp")) {
			modifiers.add(Modifier.TEMPORARY);
		}
		else if (scoped) {
			throw new UnrecognisedStatementException();
		}
		else if (cursor.acceptKeyword("unlogged")) {
			modifiers.add(Modifier.UNLOGGED);
		}
		if (cursor.acceptKeyword("recursive")) {
			modifiers.add(Modifier.RECURSIVE);
		}
		else if (cursor.acceptKeyword("constraint")) {
			modifiers.add(Modifier.CONSTRAINT);
		}
		else if (cursor.acceptKeyword("unique")) {
			modifiers.add(Modifier.UNIQUE);
		}
		return modifiers;
	}

	/**
	 * A builder for the statement, provided the object type allows every modifier given.
	 */
	private static ClassifiedStatementBuilder statement(TokenCursor cursor, Set<Modifier> modifiers,
			Modifier... allowed) {
		if (!Set.of(allowed).containsAll(modifiers)) {
			throw new UnrecognisedStatementException();
		}
		return new ClassifiedStatementBuilder(cursor.sql());
	}

	/**
	 * {@code INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method] (...)}.
	 * An index always lives in its table's schema, so its name is qualified with that.
	 */
	private static ClassifiedStatement index(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		statement.flagIf(cursor.acceptKeyword("concurrently"), Flag.CONCURRENTLY);
		boolean ifNotExists = cursor.acceptKeyword("if", "not", "exists");
		ParsedName index = (ifNotExists || !cursor.atKeyword("on")) ? cursor.singleName() : null;
		cursor.expectKeyword("on");
		cursor.acceptKeyword("only");
		ParsedName table = cursor.name();
		if (cursor.acceptKeyword("using")) {
			cursor.identifier();
		}
		cursor.skipParenthesized();
		if (index != null) {
			statement.target(index.withSchema(table.objectName().schema()));
		}
		return statement.table(table.objectName()).build(StatementKind.CREATE_INDEX);
	}

	/**
	 * {@code TYPE n AS ENUM (...)}, {@code AS (...)}, {@code AS RANGE (...)},
	 * {@code n (...)} or a shell {@code n}.
	 */
	private static ClassifiedStatement type(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		statement.target(cursor.name());
		StatementKind kind = StatementKind.CREATE_OTHER_TYPE;
		if (cursor.acceptKeyword("as")) {
			if (cursor.acceptKeyword("enum")) {
				kind = StatementKind.CREATE_ENUM_TYPE;
			}
			else if (!cursor.acceptKeyword("range")) {
				kind = StatementKind.CREATE_COMPOSITE_TYPE;
			}
			cursor.skipParenthesized();
		}
		else if (!cursor.atEnd()) {
			cursor.skipParenthesized();
		}
		cursor.expectEnd();
		return statement.build(kind);
	}

	/** {@code DOMAIN n [AS] data_type ...}. */
	private static ClassifiedStatement domain(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		statement.target(cursor.name());
		cursor.acceptKeyword("as");
		cursor.expectMore();
		return statement.build(StatementKind.CREATE_DOMAIN);
	}

	private static ClassifiedStatement sequence(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		cursor.acceptKeyword("if", "not", "exists");
		return statement.target(cursor.name()).build(StatementKind.CREATE_SEQUENCE);
	}

	/**
	 * {@code SCHEMA [IF NOT EXISTS] n [AUTHORIZATION role]} or
	 * {@code SCHEMA [IF NOT EXISTS] AUTHORIZATION role}, which names the schema after the
	 * role. A schema created together with its elements
	 * ({@code CREATE SCHEMA s CREATE TABLE ...}) is not recognised: it cannot be made
	 * conditional as a whole.
	 */
	private static ClassifiedStatement schema(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		cursor.acceptKeyword("if", "not", "exists");
		if (cursor.acceptKeyword("authorization")) {
			statement.target(cursor.singleName());
		}
		else {
			statement.target(cursor.singleName());
			if (cursor.acceptKeyword("authorization")) {
				Token role = cursor.next();
				if (role.type() != TokenType.IDENTIFIER && role.type() != TokenType.QUOTED_IDENTIFIER) {
					throw new UnrecognisedStatementException();
				}
			}
		}
		cursor.expectEnd();
		return statement.build(StatementKind.CREATE_SCHEMA);
	}

	private static ClassifiedStatement extension(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		cursor.acceptKeyword("if", "not", "exists");
		return statement.target(cursor.singleName()).build(StatementKind.CREATE_EXTENSION);
	}

	/** {@code VIEW n [(columns)] [WITH (...)] AS query}. */
	private static ClassifiedStatement view(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		statement.target(cursor.name());
		if (!cursor.hasTopLevelKeyword("as")) {
			throw new UnrecognisedStatementException();
		}
		return statement.build(StatementKind.CREATE_VIEW);
	}

	/** {@code MATERIALIZED VIEW [IF NOT EXISTS] n ... AS query [WITH [NO] DATA]}. */
	private static ClassifiedStatement materializedView(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		cursor.expectKeyword("view");
		cursor.acceptKeyword("if", "not", "exists");
		statement.target(cursor.name());
		if (!cursor.hasTopLevelKeyword("as")) {
			throw new UnrecognisedStatementException();
		}
		return statement.build(StatementKind.CREATE_MATERIALIZED_VIEW);
	}

	/**
	 * {@code FUNCTION | PROCEDURE n (arguments) ...}; the body, however it is quoted, is
	 * not looked into.
	 */
	private static ClassifiedStatement routine(TokenCursor cursor, ClassifiedStatementBuilder statement,
			StatementKind kind) {
		statement.target(cursor.name());
		cursor.skipParenthesized();
		return statement.build(kind);
	}

	/**
	 * {@code TRIGGER n {BEFORE | AFTER | INSTEAD OF} events ON table ...}; a trigger's
	 * name is never qualified.
	 */
	private static ClassifiedStatement trigger(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		statement.target(cursor.singleName());
		boolean timed = cursor.acceptKeyword("before") || cursor.acceptKeyword("after")
				|| cursor.acceptKeyword("instead", "of");
		if (!timed || !cursor.skipPastTopLevelKeyword("on")) {
			throw new UnrecognisedStatementException();
		}
		return statement.table(cursor.name().objectName()).build(StatementKind.CREATE_TRIGGER);
	}

	/** {@code POLICY n ON table ...}. */
	private static ClassifiedStatement policy(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		statement.target(cursor.singleName());
		cursor.expectKeyword("on");
		return statement.table(cursor.name().objectName()).build(StatementKind.CREATE_POLICY);
	}

	/** What may stand between CREATE and the object type, in this order. */
	private enum Modifier {

		OR_REPLACE, TEMPORARY, UNLOGGED, RECURSIVE, CONSTRAINT, UNIQUE

	}

}
