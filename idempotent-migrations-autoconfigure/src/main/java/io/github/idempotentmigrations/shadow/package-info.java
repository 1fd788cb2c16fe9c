/**
 * The expected schema: migrations replayed on a shadow database, schema snapshots read
 * from the catalog, and their comparison with the live schema (adoption of a schema
 * without history, drift). Spring-free.
 */
@NullMarked
package io.github.idempotentmigrations.shadow;

import org.jspecify.annotations.NullMarked;
