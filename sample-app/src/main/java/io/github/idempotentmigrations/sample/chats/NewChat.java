package io.github.idempotentmigrations.sample.chats;

import java.util.List;

/**
 * The body of a request that creates a chat.
 *
 * @param tags names of existing tags (see {@code GET /api/tags}); may be omitted
 */
public record NewChat(long ownerId, String title, List<String> tags) {

	public NewChat {
		tags = (tags != null) ? List.copyOf(tags) : List.of();
	}
}
