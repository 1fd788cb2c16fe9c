package io.github.idempotentmigrations.sample.tags;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TagRepository {

	private final JdbcClient jdbc;

	TagRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Tag> findAll() {
		return this.jdbc.sql("SELECT id, name FROM tags ORDER BY name").query(Tag.class).list();
	}

}
