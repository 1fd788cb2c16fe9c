package io.github.idempotentmigrations.sample;

import java.util.List;

import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sample.drift=true} leaves the database the way the seed stories found theirs.
 * Flyway is off here so the drifted state itself can be looked at; repairing it is the
 * starter's job.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE,
		properties = { "sample.drift=true", "spring.flyway.enabled=false" })
class SampleDriftTests {

	private static final TestDatabase database = TestDatabase.create();

	@Autowired
	private JdbcClient jdbc;

	@DynamicPropertySource
	static void useTestDatabase(DynamicPropertyRegistry registry) {
		database.addDataSourceProperties(registry::add);
	}

	@AfterAll
	static void dropTestDatabase() {
		database.close();
	}

	@Test
	void tablesExistByHandWithoutFlywayHistory() {
		assertThat(tables()).containsExactly("chats", "users");
	}

	@Test
	void lastMessageAtWasAddedByHand() {
		assertThat(columns("chats")).contains("last_message_at");
		assertThat(columns("users")).doesNotContain("created_at");
	}

	@Test
	void handMadeTablesHoldRows() {
		assertThat(this.jdbc.sql("SELECT email FROM users ORDER BY id").query(String.class).list())
			.containsExactly("ada@example.com", "linus@example.com");
		assertThat(this.jdbc.sql("SELECT count(*) FROM chats").query(Integer.class).single()).isEqualTo(1);
	}

	private List<String> tables() {
		return this.jdbc
			.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")
			.query(String.class)
			.list();
	}

	private List<String> columns(String table) {
		return this.jdbc.sql(
				"SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = :table")
			.param("table", table)
			.query(String.class)
			.list();
	}

}
