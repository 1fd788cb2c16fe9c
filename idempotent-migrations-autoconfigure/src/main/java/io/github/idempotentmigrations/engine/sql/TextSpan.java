package io.github.idempotentmigrations.engine.sql;

/**
 * Where something is written in a statement's text.
 *
 * @param start offset of its first character
 * @param end offset just past its last character
 */
public record TextSpan(int start, int end) {
}
