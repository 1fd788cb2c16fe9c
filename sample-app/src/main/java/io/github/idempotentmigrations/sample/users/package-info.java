/**
 * Users: the sample's REST endpoints over the users table.
 */
@NullMarked
package io.github.idempotentmigrations.sample.users;

import org.jspecify.annotations.NullMarked;
