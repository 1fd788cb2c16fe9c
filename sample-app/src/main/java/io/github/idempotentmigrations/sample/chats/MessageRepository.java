package io.github.idempotentmigrations.sample.chats;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class MessageRepository {

	private final JdbcClient jdbc;

	MessageRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Message> findByChat(long chatId) {
		return this.jdbc.sql("""
				SELECT id, chat_id, author_id, content, sent_at FROM messages
				WHERE chat_id = :chatId ORDER BY sent_at, id""").param("chatId", chatId).query(Message.class).list();
	}

	/**
	 * Stores the message and moves the chat's {@code last_message_at} to it, both or
	 * neither.
	 */
	@Transactional
	Message add(long chatId, NewMessage message) {
		Message stored = this.jdbc.sql("""
				INSERT INTO messages (chat_id, author_id, content) VALUES (:chatId, :authorId, :content)
				RETURNING id, chat_id, author_id, content, sent_at""")
			.param("chatId", chatId)
			.param("authorId", message.authorId())
			.param("content", message.content())
			.query(Message.class)
			.single();
		this.jdbc.sql("UPDATE chats SET last_message_at = :sentAt WHERE id = :chatId")
			.param("sentAt", stored.sentAt())
			.param("chatId", chatId)
			.update();
		return stored;
	}

}
