package io.github.idempotentmigrations.engine.sql;

import java.util.List;
import java.util.Set;

/**
 * {@code CREATE [TEMP | UNLOGGED] TABLE ...}: plain, {@code PARTITION OF} and
 * {@code AS query} forms.
 */
final class CreateTableParser {

	/** Clauses that may follow a table's element list. */
	private static final Set<String> TRAILING_CLAUSES = Set.of("inherits", "partition", "using", "with", "without",
			"on", "tablespace");

	private CreateTableParser() {
	}

	/**
	 * Parses what follows {@code TABLE}. A typed table ({@code CREATE TABLE t OF type})
	 * is not recognised: its list holds options for inherited columns, not columns.
	 */
	static ClassifiedStatement parse(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		cursor.acceptKeyword("if", "not", "exists");
		statement.target(cursor.name());
		if (cursor.acceptKeyword("partition", "of")) {
			return partitionOf(cursor, statement);
		}
		if (cursor.hasTopLevelKeyword("as")) {
			return statement.build(StatementKind.CREATE_TABLE_AS);
		}
		statement.elements(elements(cursor));
		Token clause = cursor.peek(0);
		if (clause != null && !(clause.type() == TokenType.IDENTIFIER && TRAILING_CLAUSES.contains(clause.value()))) {
			throw new UnrecognisedStatementException();
		}
		return statement.build(StatementKind.CREATE_TABLE);
	}

	/** {@code PARTITION OF parent [(elements)] {FOR VALUES ... | DEFAULT} ...}. */
	private static ClassifiedStatement partitionOf(TokenCursor cursor, ClassifiedStatementBuilder statement) {
		cursor.name();
		if (cursor.at(TokenType.LEFT_PAREN)) {
			statement.elements(elements(cursor));
		}
		if (!cursor.atKeyword("for", "values") && !cursor.atKeyword("default")) {
			throw new UnrecognisedStatementException();
		}
		return statement.flag(Flag.PARTITION_OF).build(StatementKind.CREATE_TABLE);
	}

	private static List<TableElement> elements(TokenCursor cursor) {
		return cursor.parenthesizedItems().stream().map(CreateTableParser::element).toList();
	}

	private static TableElement element(TokenCursor item) {
		if (item.atKeyword("like")) {
			return new TableElement(TableElement.Type.LIKE, null, item.text());
		}
		if (item.acceptKeyword("constraint")) {
			String name = item.identifier().value();
			item.expectMore();
			return new TableElement(TableElement.Type.CONSTRAINT, name, item.text());
		}
		if (TableConstraints.typeAt(item) != null) {
			return new TableElement(TableElement.Type.CONSTRAINT, null, item.text());
		}
		String column = item.identifier().value();
		item.expectMore();
		return new TableElement(TableElement.Type.COLUMN, column, item.text());
	}

}
