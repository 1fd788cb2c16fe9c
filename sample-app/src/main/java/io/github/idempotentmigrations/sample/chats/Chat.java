package io.github.idempotentmigrations.sample.chats;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A conversation; {@code lastMessageAt} is the column the seed stories' hot-fixes kept
 * adding by hand.
 */
public record Chat(long id, long ownerId, String title, OffsetDateTime createdAt, OffsetDateTime lastMessageAt,
		List<String> tags) {

	public Chat {
		tags = List.copyOf(tags);
	}
}
