package io.github.idempotentmigrations.sample.tags;

public record Tag(long id, String name) {
}
