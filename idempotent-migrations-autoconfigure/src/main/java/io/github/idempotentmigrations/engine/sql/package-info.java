/**
 * Internal: the SQL reading the engine needs (a lexer, a script splitter and a statement
 * classifier), not an API. Its types are public only so that the migration lint of the
 * {@code idempotent-migrations-test} module can share them; they may change in any
 * release, with no compatibility promise. The classifier records only what the engine or
 * the lint acts on: whatever else a statement says is parsed past, and PostgreSQL judges
 * it.
 */
@NullMarked
package io.github.idempotentmigrations.engine.sql;

import org.jspecify.annotations.NullMarked;
