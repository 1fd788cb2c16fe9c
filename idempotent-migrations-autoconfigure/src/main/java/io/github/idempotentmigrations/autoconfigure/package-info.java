/**
 * Spring Boot glue: the auto-configurations, the {@code idempotent-migrations.*}
 * properties, the Flyway customizer that installs the migration strategy, and the failure
 * analyzers that turn a stopped startup into an action for the person on call.
 */
@NullMarked
package io.github.idempotentmigrations.autoconfigure;

import org.jspecify.annotations.NullMarked;
