package io.github.idempotentmigrations.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small chat service: users, chats, messages and tags, migrated by plain Flyway SQL
 * scripts that the idempotent-migrations starter makes converge on any database state.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
