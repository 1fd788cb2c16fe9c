package io.github.idempotentmigrations.sample.users;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users")
class UserController {

	private final UserRepository users;

	UserController(UserRepository users) {
		this.users = users;
	}

	@GetMapping
	List<User> list() {
		return this.users.findAll();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	User create(@RequestBody NewUser user) {
		return this.users.add(user);
	}

}
