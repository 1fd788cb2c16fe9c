/**
 * Many schemas, one set of migrations: each tenant schema migrates through the whole
 * starter (inspect, repair, migrate, verify) with its own history table, report and
 * engine run, a bounded number at once. Spring-free: the Boot glue that reads the
 * configuration and runs it at startup is in {@code autoconfigure}.
 */
@NullMarked
package io.github.idempotentmigrations.tenants;

import org.jspecify.annotations.NullMarked;
