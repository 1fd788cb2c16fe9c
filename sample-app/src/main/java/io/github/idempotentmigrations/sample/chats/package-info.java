/**
 * Chats and their messages: the sample's REST endpoints over the migrated tables.
 */
@NullMarked
package io.github.idempotentmigrations.sample.chats;

import org.jspecify.annotations.NullMarked;
