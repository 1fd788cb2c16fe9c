package io.github.idempotentmigrations.sample.users;

public record NewUser(String email, String displayName) {
}
