/**
 * Observability of the schema: the {@code schema} health contributor, info contributor,
 * endpoint and metrics, all fed by the last startup report and a cached live check of the
 * database.
 */
@NullMarked
package io.github.idempotentmigrations.actuate;

import org.jspecify.annotations.NullMarked;
