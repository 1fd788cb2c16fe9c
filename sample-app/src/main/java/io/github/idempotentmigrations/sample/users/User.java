package io.github.idempotentmigrations.sample.users;

import java.time.OffsetDateTime;

public record User(long id, String email, String displayName, OffsetDateTime createdAt) {
}
