package io.github.idempotentmigrations.sample.chats;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

@RestController
@RequestMapping("/api/chats")
class ChatController {

	private final ChatRepository chats;

	private final MessageRepository messages;

	ChatController(ChatRepository chats, MessageRepository messages) {
		this.chats = chats;
		this.messages = messages;
	}

	@GetMapping
	List<Chat> list() {
		return this.chats.findAll();
	}

	@GetMapping("/{id}")
	Chat get(@PathVariable long id) {
		return this.chats.findById(id).orElseThrow(() -> chatNotFound(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Chat create(@RequestBody NewChat chat) {
		return this.chats.add(chat);
	}

	@GetMapping("/{id}/messages")
	List<Message> messages(@PathVariable long id) {
		requireChat(id);
		return this.messages.findByChat(id);
	}

	@PostMapping("/{id}/messages")
	@ResponseStatus(HttpStatus.CREATED)
	Message post(@PathVariable long id, @RequestBody NewMessage message) {
		requireChat(id);
		return this.messages.add(id, message);
	}

	private void requireChat(long id) {
		if (!this.chats.exists(id)) {
			throw chatNotFound(id);
		}
	}

	private static ResponseStatusException chatNotFound(long id) {
		return new ResponseStatusException(HttpStatus.NOT_FOUND, "No chat " + id);
	}

}
