/**
 * The report of a migration run: one result per migration and per statement, with its
 * outcome, read by the log, the failure analyzers and Actuator. Spring-free.
 */
@NullMarked
package io.github.idempotentmigrations.engine.report;

import org.jspecify.annotations.NullMarked;
