/**
 * Reads of PostgreSQL's catalog for the engine's reconcilers: the tables, columns,
 * constraints and indexes a refused statement names. Spring-free.
 */
@NullMarked
package io.github.idempotentmigrations.engine.catalog;

import org.jspecify.annotations.NullMarked;
