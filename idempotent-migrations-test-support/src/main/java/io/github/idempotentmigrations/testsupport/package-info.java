/**
 * Real PostgreSQL for this project's tests: embedded servers of a chosen major version,
 * one fresh database per test, PgBouncer in front, and snapshots of schema, rows and
 * history to compare before and after.
 */
@NullMarked
package io.github.idempotentmigrations.testsupport;

import org.jspecify.annotations.NullMarked;
