package io.github.idempotentmigrations.engine;

/** Maps constraint types as written to {@code pg_constraint.contype}. */
final class ConstraintTypes {

	private ConstraintTypes() {
	}

	static String code(String constraintType) {
		return switch (constraintType) {
			case "PRIMARY KEY" -> "p";
			case "UNIQUE" -> "u";
			case "FOREIGN KEY" -> "f";
			case "CHECK" -> "c";
			case "EXCLUDE" -> "x";
			default -> throw new IllegalArgumentException("unknown constraint type " + constraintType);
		};
	}

}
