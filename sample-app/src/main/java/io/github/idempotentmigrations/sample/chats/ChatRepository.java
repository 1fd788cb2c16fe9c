package io.github.idempotentmigrations.sample.chats;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class ChatRepository {

	private static final String SELECT_CHATS = """
			SELECT c.id, c.owner_id, c.title, c.created_at, c.last_message_at,
			       array_remove(array_agg(t.name ORDER BY t.name), NULL) AS tags
			FROM chats c
			LEFT JOIN chat_tags ct ON ct.chat_id = c.id
			LEFT JOIN tags t ON t.id = ct.tag_id
			""";

	private final JdbcClient jdbc;

	ChatRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Most recently active first. */
	List<Chat> findAll() {
		return this.jdbc.sql(SELECT_CHATS + " GROUP BY c.id ORDER BY c.last_message_at DESC NULLS LAST, c.id")
			.query(ChatRepository::chat)
			.list();
	}

	Optional<Chat> findById(long id) {
		return this.jdbc.sql(SELECT_CHATS + " WHERE c.id = :id GROUP BY c.id")
			.param("id", id)
			.query(ChatRepository::chat)
			.optional();
	}

	boolean exists(long id) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM chats WHERE id = :id)")
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

	@Transactional
	Chat add(NewChat chat) {
		long id = this.jdbc.sql("INSERT INTO chats (owner_id, title) VALUES (:ownerId, :title) RETURNING id")
			.paramSource(chat)
			.query(Long.class)
			.single();
		tag(id, chat.tags());
		return findById(id).orElseThrow();
	}

	private void tag(long chatId, List<String> tagNames) {
		List<String> names = tagNames.stream().distinct().toList();
		if (names.isEmpty()) {
			return;
		}
		List<String> known = this.jdbc.sql("SELECT name FROM tags WHERE name IN (:names)")
			.param("names", names)
			.query(String.class)
			.list();
		List<String> unknown = names.stream().filter((name) -> !known.contains(name)).toList();
		if (!unknown.isEmpty()) {
			throw new UnknownTagException(unknown);
		}
		this.jdbc.sql("INSERT INTO chat_tags (chat_id, tag_id) SELECT :chatId, id FROM tags WHERE name IN (:names)")
			.param("chatId", chatId)
			.param("names", names)
			.update();
	}

	private static Chat chat(ResultSet row, int rowNumber) throws SQLException {
		Array tags = row.getArray("tags");
		return new Chat(row.getLong("id"), row.getLong("owner_id"), row.getString("title"),
				row.getObject("created_at", OffsetDateTime.class),
				row.getObject("last_message_at", OffsetDateTime.class), List.of((String[]) tags.getArray()));
	}

}
