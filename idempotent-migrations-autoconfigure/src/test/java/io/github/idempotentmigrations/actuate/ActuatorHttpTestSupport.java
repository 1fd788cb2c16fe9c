package io.github.idempotentmigrations.actuate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.github.idempotentmigrations.actuate.testapp.ActuatorTestApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Starts {@link ActuatorTestApplication} on a random port with the schema endpoints
 * exposed, and reads their JSON.
 */
@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.flyway.locations=classpath:db/actuator-test",
				"management.endpoints.web.exposure.include=health,info,schema",
				"management.endpoint.health.show-details=always" })
@DirtiesContext
abstract class ActuatorHttpTestSupport {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	/** The JSON body of a GET, whatever the status (a DOWN health answers 503). */
	protected DocumentContext get(String path) throws IOException, InterruptedException {
		return JsonPath.parse(getText(path));
	}

	protected String getText(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString()).body();
	}

	/**
	 * Polls the schema health until the condition holds or a generous deadline that only
	 * bounds a broken build.
	 */
	protected DocumentContext awaitHealth(Predicate<DocumentContext> condition) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		DocumentContext health = get("/actuator/health/schema");
		while (!condition.test(health) && System.nanoTime() < deadline) {
			Thread.sleep(50);
			health = get("/actuator/health/schema");
		}
		return health;
	}

	protected int status(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
