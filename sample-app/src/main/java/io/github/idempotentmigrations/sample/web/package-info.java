/**
 * Web error handling of the sample: database integrity problems as HTTP responses.
 */
@NullMarked
package io.github.idempotentmigrations.sample.web;

import org.jspecify.annotations.NullMarked;
