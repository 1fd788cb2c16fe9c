/**
 * Idempotent operations for Flyway Java migrations: existence checks and DDL helpers
 * whose generated SQL runs through the same engine, and lands in the same report, as SQL
 * migrations.
 *
 * <p>
 * Identifiers (table, column, index, constraint, type names) are always validated and
 * double-quoted, so they are taken exactly as given, case and all. Column types,
 * defaults, check expressions, foreign key actions and the SQL given to
 * {@code execute}/{@code executeIf} are raw SQL fragments: they are trusted code, like an
 * SQL migration, and must never be built from untrusted input.
 */
@NullMarked
package io.github.idempotentmigrations.javamigration;

import org.jspecify.annotations.NullMarked;
