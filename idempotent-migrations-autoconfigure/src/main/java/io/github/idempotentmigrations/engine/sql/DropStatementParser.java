package io.github.idempotentmigrations.engine.sql;

import java.util.ArrayList;
import java.util.List;

/** {@code DROP type [CONCURRENTLY] [IF EXISTS] name [, ...] [CASCADE | RESTRICT]}. */
final class DropStatementParser {

	/**
	 * The object types recognised; others (DROP ROLE, DROP DATABASE, ...) are UNKNOWN.
	 */
	private static final List<String> OBJECT_TYPES = List.of("TABLE", "FOREIGN TABLE", "INDEX", "VIEW",
			"MATERIALIZED VIEW", "SEQUENCE", "TYPE", "DOMAIN", "SCHEMA", "EXTENSION", "FUNCTION", "PROCEDURE",
			"ROUTINE", "AGGREGATE", "TRIGGER", "POLICY", "RULE", "COLLATION");

	private DropStatementParser() {
	}

	/** Parses what follows DROP. */
	static ClassifiedStatement parse(TokenCursor cursor) {
		String objectType = cursor.acceptPhrase(OBJECT_TYPES);
		if (objectType == null) {
			throw new UnrecognisedStatementException();
		}
		ClassifiedStatementBuilder statement = new ClassifiedStatementBuilder(cursor.sql()).objectType(objectType)
			.flagIf(objectType.equals("INDEX") && cursor.acceptKeyword("concurrently"), Flag.CONCURRENTLY)
			.flagIf(cursor.acceptKeyword("if", "exists"), Flag.IF_EXISTS);
		List<ObjectReference> references = new ArrayList<>();
		do {
			references.add(ObjectReference.parse(cursor, objectType));
		}
		while (!ObjectReference.isTableScoped(objectType) && cursor.accept(TokenType.COMMA));
		cursor.acceptDropBehaviour();
		cursor.expectEnd();
		ObjectReference first = references.get(0);
		return statement.target(first.name())
			.table(first.table())
			.targets(references.stream().map((reference) -> reference.name().objectName()).toList())
			.build(StatementKind.DROP);
	}

}
