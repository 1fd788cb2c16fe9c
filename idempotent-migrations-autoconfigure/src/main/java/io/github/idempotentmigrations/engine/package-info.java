/**
 * The engine: sends each statement as written, and when PostgreSQL refuses one because an
 * object already exists, compares the object with what the statement describes
 * (reconcilers, probes in {@code pg_temp}) to decide whether the refusal can be skipped.
 * Spring-free.
 */
@NullMarked
package io.github.idempotentmigrations.engine;

import org.jspecify.annotations.NullMarked;
