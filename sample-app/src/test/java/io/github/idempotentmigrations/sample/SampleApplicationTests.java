package io.github.idempotentmigrations.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample over real HTTP on a fresh database: Flyway runs the plain migrations through
 * the starter, then the API and Actuator answer.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@AutoConfigureRestTestClient
class SampleApplicationTests {

	private static final TestDatabase database = TestDatabase.create();

	@Autowired
	private RestTestClient http;

	@DynamicPropertySource
	static void useTestDatabase(DynamicPropertyRegistry registry) {
		database.addDataSourceProperties(registry::add);
	}

	@AfterAll
	static void dropTestDatabase() {
		database.close();
	}

	@Test
	void everyMigrationHadRunWhenTheServerOpenedItsPort(@Autowired MigrationsAtPortOpening atPortOpening) {
		assertThat(atPortOpening.successfulMigrations()).isEqualTo(6);
	}

	@Test
	void healthIsUpWithTheDatabase() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.db.status")
			.isEqualTo("UP");
	}

	@Test
	void schemaHealthAndInfoShowTheConvergedSchema() {
		this.http.get()
			.uri("/actuator/health/schema")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.details.state")
			.isEqualTo("CONVERGED")
			.jsonPath("$.details.currentVersion")
			.isEqualTo("6")
			.jsonPath("$.details.pending")
			.isEqualTo(0)
			.jsonPath("$.details.failed")
			.isEqualTo(0)
			.jsonPath("$.details.drift")
			.isEmpty();
		this.http.get()
			.uri("/actuator/info")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.schema.currentVersion")
			.isEqualTo("6")
			.jsonPath("$.schema.appliedMigrations")
			.isEqualTo(6)
			.jsonPath("$.schema.pendingMigrations")
			.isEqualTo(0)
			.jsonPath("$.schema.lastRun.converged")
			.isEqualTo(true)
			.jsonPath("$.schema.lastRun.statements.conflict")
			.isEqualTo(0)
			.jsonPath("$.schema.starterVersion")
			.isEqualTo("0.1.0-SNAPSHOT");
	}

	@Test
	void flywayEndpointShowsEveryMigrationApplied() {
		String migrations = "$.contexts['sample-app'].flywayBeans.flyway.migrations";
		this.http.get()
			.uri("/actuator/flyway")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath(migrations + "[?(@.state != 'SUCCESS')]")
			.isEmpty()
			.jsonPath(migrations + "[?(@.script == 'V5__seed_tags.sql')].state")
			.isEqualTo(List.of("SUCCESS"));
	}

	@Test
	void tagsAreSeededByAMigration() {
		this.http.get()
			.uri("/api/tags")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].name")
			.isEqualTo(List.of("general", "random", "support"));
	}

	@Test
	void postedMessageMovesItsChatsLastMessageAt() {
		long userId = created("/api/users", Map.of("email", "grace@example.com", "displayName", "Grace"));
		long chatId = created("/api/chats",
				Map.of("ownerId", userId, "title", "Compilers", "tags", List.of("support")));

		created("/api/chats/" + chatId + "/messages", Map.of("authorId", userId, "content", "Hello"));

		this.http.get()
			.uri("/api/chats/{id}/messages", chatId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[*].content")
			.isEqualTo(List.of("Hello"));
		this.http.get()
			.uri("/api/chats/{id}", chatId)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Compilers")
			.jsonPath("$.tags")
			.isEqualTo(List.of("support"))
			.jsonPath("$.lastMessageAt")
			.isNotEmpty();
	}

	@Test
	void duplicateEmailIsAConflict() {
		Map<String, String> user = Map.of("email", "alan@example.com", "displayName", "Alan");
		created("/api/users", user);

		this.http.post().uri("/api/users").body(user).exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void unknownTagIsABadRequest() {
		long userId = created("/api/users", Map.of("email", "edsger@example.com", "displayName", "Edsger"));

		this.http.post()
			.uri("/api/chats")
			.body(Map.of("ownerId", userId, "title", "Goto", "tags", List.of("no-such-tag")))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	private long created(String uri, Map<String, ?> body) {
		Map<?, ?> created = this.http.post()
			.uri(uri)
			.body(body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return ((Number) created.get("id")).longValue();
	}

	/**
	 * Counts the applied migrations at the moment the web server starts accepting
	 * connections.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class MigrationsAtPortOpening implements ApplicationListener<WebServerInitializedEvent> {

		private final AtomicInteger successfulMigrations = new AtomicInteger(-1);

		@Override
		public void onApplicationEvent(WebServerInitializedEvent event) {
			this.successfulMigrations.set(event.getApplicationContext()
				.getBean(JdbcClient.class)
				.sql("SELECT count(*) FROM flyway_schema_history WHERE success AND type <> 'BASELINE'")
				.query(Integer.class)
				.single());
		}

		int successfulMigrations() {
			return this.successfulMigrations.get();
		}

	}

}
