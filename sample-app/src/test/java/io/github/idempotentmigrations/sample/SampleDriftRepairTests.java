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
 * The sample's unedited migrations, started on the drifted database of
 * {@code sample.drift=true}: startup completes what is missing, keeps the hand-made rows,
 * and records every migration as applied.
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE, properties = "sample.drift=true")
class SampleDriftRepairTests {

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
	void everyMigrationIsRecordedAsApplied() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE NOT success")
			.query(Integer.class)
			.single()).isZero();
		assertThat(this.jdbc
			.sql("SELECT version FROM flyway_schema_history WHERE type <> 'BASELINE' ORDER BY installed_rank")
			.query(String.class)
			.list()).startsWith("1", "2", "3", "4", "5");
	}

	@Test
	void missingTablesAndColumnsAreCreated() {
		assertThat(this.jdbc.sql("SELECT to_regclass('messages') IS NOT NULL AND to_regclass('chat_tags') IS NOT NULL")
			.query(Boolean.class)
			.single()).isTrue();
		assertThat(this.jdbc.sql("SELECT created_at IS NOT NULL FROM users").query(Boolean.class).list())
			.containsOnly(true);
	}

	@Test
	void handMadeRowsAreKeptAndSeedTagsAdded() {
		assertThat(this.jdbc.sql("SELECT email FROM users ORDER BY id").query(String.class).list())
			.containsExactly("ada@example.com", "linus@example.com");
		assertThat(this.jdbc.sql("SELECT last_message_at IS NOT NULL FROM chats").query(Boolean.class).list())
			.containsExactly(true);
		assertThat(this.jdbc.sql("SELECT name FROM tags ORDER BY name").query(String.class).list())
			.isEqualTo(List.of("general", "random", "support"));
	}

}
