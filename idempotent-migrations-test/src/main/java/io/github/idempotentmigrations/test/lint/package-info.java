/**
 * A lint of migration scripts: statements that lock a busy table for long, rewrite it, or
 * cannot converge when run again.
 */
@NullMarked
package io.github.idempotentmigrations.test.lint;

import org.jspecify.annotations.NullMarked;
