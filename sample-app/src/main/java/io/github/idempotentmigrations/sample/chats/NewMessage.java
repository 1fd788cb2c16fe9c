package io.github.idempotentmigrations.sample.chats;

public record NewMessage(long authorId, String content) {
}
