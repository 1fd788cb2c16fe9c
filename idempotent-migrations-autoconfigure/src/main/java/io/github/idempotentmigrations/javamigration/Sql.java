package io.github.idempotentmigrations.javamigration;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.github.idempotentmigrations.engine.sql.ObjectName;

/** Validation and quoting of identifiers and literals for generated SQL. */
final class Sql {

	/**
	 * PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated by the
	 * server.
	 */
	static final int MAX_IDENTIFIER_BYTES = 63;

	private Sql() {
	}

	/**
	 * Validates an identifier: non-empty, at most 63 bytes of UTF-8, no NUL character.
	 */
	static String identifier(String name, String what) {
		Objects.requireNonNull(name, what);
		if (name.isEmpty()) {
			throw new IllegalArgumentException(what + " must not be empty");
		}
		if (name.indexOf('\0') >= 0) {
			throw new IllegalArgumentException(what + " must not contain a NUL character");
		}
		if (name.getBytes(StandardCharsets.UTF_8).length > MAX_IDENTIFIER_BYTES) {
			throw new IllegalArgumentException(what + " '" + name + "' is longer than " + MAX_IDENTIFIER_BYTES
					+ " bytes (UTF-8); PostgreSQL would truncate it");
		}
		return name;
	}

	/** The validated identifier, double-quoted. */
	static String quote(String name, String what) {
		return ObjectName.quote(identifier(name, what));
	}

	/** A comma-separated list of validated, quoted column names; at least one. */
	static String columns(List<String> names) {
		if (names == null || names.isEmpty()) {
			throw new IllegalArgumentException("at least one column is required");
		}
		return names.stream().map((n) -> quote(n, "column name")).collect(Collectors.joining(", "));
	}

	/**
	 * A string constant that means {@code value} whatever
	 * {@code standard_conforming_strings} is set to.
	 */
	static String literal(String value, String what) {
		Objects.requireNonNull(value, what);
		if (value.indexOf('\0') >= 0) {
			throw new IllegalArgumentException(what + " must not contain a NUL character");
		}
		String quoted = value.replace("'", "''");
		return (value.indexOf('\\') >= 0) ? "E'" + quoted.replace("\\", "\\\\") + "'" : "'" + quoted + "'";
	}

	/**
	 * A raw, trusted SQL fragment (type, default, expression): must be present and free
	 * of NUL characters.
	 */
	static String fragment(String sql, String what) {
		Objects.requireNonNull(sql, what);
		if (sql.isBlank()) {
			throw new IllegalArgumentException(what + " must not be blank");
		}
		if (sql.indexOf('\0') >= 0) {
			throw new IllegalArgumentException(what + " must not contain a NUL character");
		}
		return sql.strip();
	}

}
