package io.github.idempotentmigrations.engine;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The only words from PostgreSQL that make the engine look at the catalog: a refusal, or
 * the NOTICE of an {@code IF [NOT] EXISTS} that skipped, saying an object is already
 * there or already gone. Any other error is a real failure and is reported as such.
 */
final class SqlStates {

	/**
	 * duplicate_table, duplicate_column, duplicate_object, duplicate_schema,
	 * duplicate_function, duplicate_database.
	 */
	static final Set<String> ALREADY_EXISTS = Set.of("42P07", "42701", "42710", "42P06", "42723", "42P04");

	/**
	 * undefined_table, undefined_column, undefined_object, undefined_function,
	 * invalid_schema_name.
	 */
	static final Set<String> DOES_NOT_EXIST = Set.of("42P01", "42703", "42704", "42883", "3F000");

	/**
	 * invalid_table_definition: "multiple primary keys for table ... are not allowed".
	 */
	static final String INVALID_TABLE_DEFINITION = "42P16";

	/**
	 * invalid_parameter_value: "... is not an existing enum label" from
	 * {@code RENAME VALUE}.
	 */
	static final String INVALID_PARAMETER_VALUE = "22023";

	static final String UNIQUE_VIOLATION = "23505";

	/**
	 * not_null_violation: "column ... contains null values" from {@code SET NOT NULL}.
	 */
	static final String NOT_NULL_VIOLATION = "23502";

	private SqlStates() {
	}

	static boolean alreadyExists(@Nullable String sqlState) {
		return sqlState != null && ALREADY_EXISTS.contains(sqlState);
	}

	static boolean doesNotExist(@Nullable String sqlState) {
		return sqlState != null && DOES_NOT_EXIST.contains(sqlState);
	}

	/**
	 * Whether a refusal speaks of an object being there or gone (kinds decide what it
	 * means for them).
	 */
	static boolean signalsExistence(@Nullable String sqlState) {
		return alreadyExists(sqlState) || doesNotExist(sqlState) || INVALID_TABLE_DEFINITION.equals(sqlState)
				|| INVALID_PARAMETER_VALUE.equals(sqlState);
	}

}
