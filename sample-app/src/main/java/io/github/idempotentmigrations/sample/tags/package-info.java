/**
 * Tags: the sample's REST endpoints over the tags table.
 */
@NullMarked
package io.github.idempotentmigrations.sample.tags;

import org.jspecify.annotations.NullMarked;
