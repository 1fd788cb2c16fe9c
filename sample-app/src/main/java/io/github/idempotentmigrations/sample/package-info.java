/**
 * The sample application: a small chat service whose schema is migrated by the starter on
 * an embedded PostgreSQL.
 */
@NullMarked
package io.github.idempotentmigrations.sample;

import org.jspecify.annotations.NullMarked;
