/**
 * Benchmarks that print figures against plain Flyway in the same run: startup, live
 * traffic, tenants, the sample restarted.
 */
@NullMarked
package io.github.idempotentmigrations.benchmarks;

import org.jspecify.annotations.NullMarked;
