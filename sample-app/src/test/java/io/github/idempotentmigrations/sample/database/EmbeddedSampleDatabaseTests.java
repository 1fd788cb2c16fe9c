package io.github.idempotentmigrations.sample.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedSampleDatabaseTests {

	@TempDir
	private Path temp;

	@Test
	void dataOutlivesTheServer() {
		StandardEnvironment environment = environment(Map.of());

		EmbeddedSampleDatabase first = new EmbeddedSampleDatabase(environment);
		try {
			jdbc(first).sql("CREATE TABLE kept (id INT)").update();
		}
		finally {
			first.stop();
		}

		EmbeddedSampleDatabase second = new EmbeddedSampleDatabase(environment);
		try {
			assertThat(jdbc(second).sql("SELECT to_regclass('kept') IS NOT NULL").query(Boolean.class).single())
				.isTrue();
		}
		finally {
			second.stop();
		}
	}

	@Test
	void urlSetElsewhereWinsAndNoServerStarts() {
		StandardEnvironment environment = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/app"));

		new EmbeddedPostgresEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db/app");
		assertThat(this.temp.resolve("data")).doesNotExist();
	}

	@Test
	void urlSetNowhereStartsTheServer() {
		StandardEnvironment environment = environment(Map.of());
		new EmbeddedPostgresEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
		EmbeddedSampleDatabase database = (EmbeddedSampleDatabase) environment.getPropertySources()
			.get(EmbeddedDatabaseUrlPropertySource.NAME)
			.getSource();
		try {
			assertThat(environment.getProperty("spring.datasource.url"))
				.matches("jdbc:postgresql://localhost:\\d+/postgres\\?user=postgres");
			assertThat(this.temp.resolve("data").resolve("PG_VERSION")).exists();
		}
		finally {
			database.stop();
		}
	}

	private StandardEnvironment environment(Map<String, Object> properties) {
		Map<String, Object> withDataDirectory = new HashMap<>(properties);
		withDataDirectory.put(EmbeddedSampleDatabase.DATA_DIRECTORY_PROPERTY, this.temp.resolve("data").toString());
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", withDataDirectory));
		return environment;
	}

	private static JdbcClient jdbc(EmbeddedSampleDatabase database) {
		return JdbcClient.create(new DriverManagerDataSource(database.jdbcUrl()));
	}

}
