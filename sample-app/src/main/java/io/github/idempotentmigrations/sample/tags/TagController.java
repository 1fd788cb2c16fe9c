package io.github.idempotentmigrations.sample.tags;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tags")
class TagController {

	private final TagRepository tags;

	TagController(TagRepository tags) {
		this.tags = tags;
	}

	@GetMapping
	List<Tag> list() {
		return this.tags.findAll();
	}

}
