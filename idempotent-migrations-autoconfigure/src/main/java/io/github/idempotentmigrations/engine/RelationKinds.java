package io.github.idempotentmigrations.engine;

/** Names of {@code pg_class.relkind} values, for messages. */
final class RelationKinds {

	private RelationKinds() {
	}

	static String describe(String relkind) {
		return switch (relkind) {
			case "r" -> "table";
			case "p" -> "partitioned table";
			case "i", "I" -> "index";
			case "S" -> "sequence";
			case "v" -> "view";
			case "m" -> "materialized view";
			case "c" -> "composite type";
			case "f" -> "foreign table";
			default -> "relation";
		};
	}

}
