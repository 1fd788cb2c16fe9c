package io.github.idempotentmigrations.sample.chats;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

@ResponseStatus(HttpStatus.BAD_REQUEST)
class UnknownTagException extends RuntimeException {

	UnknownTagException(List<String> names) {
		super("Unknown tags " + names + "; GET /api/tags lists the known ones");
	}

}
