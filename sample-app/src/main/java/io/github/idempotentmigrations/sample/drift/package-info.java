/**
 * Lets the sample start on a drifted database (hand-made tables, a hot-fixed column, no
 * history), as in the seed stories, to show adoption.
 */
@NullMarked
package io.github.idempotentmigrations.sample.drift;

import org.jspecify.annotations.NullMarked;
