/**
 * The embedded PostgreSQL the sample starts before the application context, so the sample
 * runs with no setup.
 */
@NullMarked
package io.github.idempotentmigrations.sample.database;

import org.jspecify.annotations.NullMarked;
