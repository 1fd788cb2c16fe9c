/**
 * The starter's Flyway seam: the migration strategy that inspects the history, applies
 * the repairs a person stated, migrates through the engine and records the expected
 * schema, on one session of its own.
 */
@NullMarked
package io.github.idempotentmigrations.flyway;

import org.jspecify.annotations.NullMarked;
