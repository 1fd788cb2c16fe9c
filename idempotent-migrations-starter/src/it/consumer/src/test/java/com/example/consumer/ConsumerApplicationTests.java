package com.example.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.jar.Manifest;

import io.github.idempotentmigrations.flyway.IdempotentMigrationStrategy;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The starter, declared with a plain dependency, resolves and makes Boot's Flyway migrations go through it; with the
 * README's Quick start settings, its three Actuator URLs answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsumerApplicationTests {

    private static final EmbeddedPostgres postgres = start();

    @Autowired
    private FlywayMigrationStrategy strategy;

    @Autowired
    private MigrationReportStore reports;

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private Environment environment;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void migratesThroughTheStartersStrategy() {
        assertThat(this.strategy).isInstanceOf(IdempotentMigrationStrategy.class);
        assertThat(this.reports.last()).hasValueSatisfying((report) -> assertThat(report.converged()).isTrue());
        assertThat(this.jdbc.sql("SELECT count(*) FROM greetings").query(Integer.class).single()).isZero();
    }

    @Test
    void theQuickStartsActuatorUrlsAnswer() throws Exception {
        assertThat(get("/actuator/health/schema")).contains("\"status\":\"UP\"", "\"state\":\"CONVERGED\"");
        assertThat(get("/actuator/info")).contains("\"appliedMigrations\":1");
        assertThat(get("/actuator/schema")).contains("\"converged\":true");
    }

    /** The body of a GET that must answer 200. */
    private String get(String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + this.environment.getProperty("local.server.port") + path);
        HttpResponse<String> response = HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void theStarterIsADependenciesStarterJar() throws IOException {
        List<URL> manifests = Collections.list(getClass().getClassLoader().getResources("META-INF/MANIFEST.MF"));
        URL starter = manifests.stream()
            .filter((url) -> url.toString().contains("/idempotent-migrations-starter-"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no starter jar on the classpath: " + manifests));
        try (InputStream in = starter.openStream()) {
            Manifest manifest = new Manifest(in);
            assertThat(manifest.getMainAttributes().getValue("Spring-Boot-Jar-Type")).isEqualTo("dependencies-starter");
            assertThat(manifest.getMainAttributes().getValue("Automatic-Module-Name"))
                .isEqualTo("io.github.idempotentmigrations.starter");
        }
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
