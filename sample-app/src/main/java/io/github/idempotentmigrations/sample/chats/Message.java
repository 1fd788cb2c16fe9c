package io.github.idempotentmigrations.sample.chats;

import java.time.OffsetDateTime;

public record Message(long id, long chatId, long authorId, String content, OffsetDateTime sentAt) {
}
