package io.github.idempotentmigrations.sample.users;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<User> findAll() {
		return this.jdbc.sql("SELECT id, email, display_name, created_at FROM users ORDER BY id")
			.query(User.class)
			.list();
	}

	User add(NewUser user) {
		return this.jdbc.sql("""
				INSERT INTO users (email, display_name) VALUES (:email, :displayName)
				RETURNING id, email, display_name, created_at""").paramSource(user).query(User.class).single();
	}

}
