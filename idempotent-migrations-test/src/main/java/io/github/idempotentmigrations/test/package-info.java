/**
 * Prove your migrations converge in your own tests: starting states (empty, behind,
 * hand-made objects, killed mid-run, damaged), each run through the starter and compared
 * with plain Flyway from an empty database.
 */
@NullMarked
package io.github.idempotentmigrations.test;

import org.jspecify.annotations.NullMarked;
