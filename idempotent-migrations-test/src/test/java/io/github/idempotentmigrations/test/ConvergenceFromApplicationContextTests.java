package io.github.idempotentmigrations.test;

import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsAutoConfiguration;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.idempotentmigrations.test.State.EMPTY;
import static io.github.idempotentmigrations.test.State.PENDING_WITH_HAND_MADE_OBJECTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code MigrationConvergence.of(context)} takes the application's own Flyway
 * configuration (here its {@code spring.flyway.locations}, for the states and for the
 * lint) and its starter settings, and runs on databases of its own.
 */
class ConvergenceFromApplicationContextTests {

	/** An application whose strategy does not migrate: its own database stays empty. */
	private ApplicationContextRunner application(TestDatabase database, String... properties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					IdempotentMigrationsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.user(),
					"spring.datasource.password=" + database.password())
			.withPropertyValues(properties)
			.withBean(FlywayMigrationStrategy.class, () -> (flyway) -> {
			});
	}

	@Test
	void takesTheContextsLocations() {
		try (TestDatabase database = TestDatabase.create()) {
			application(database, "spring.flyway.locations=classpath:convergence/good")
				.run((context) -> MigrationConvergence.of(context)
					.withSeed(5)
					.assertConvergesFrom(EMPTY, PENDING_WITH_HAND_MADE_OBJECTS));
			application(database, "spring.flyway.locations=classpath:convergence/broken/plain-fails").run((context) -> {
				assertThatThrownBy(() -> MigrationConvergence.of(context).assertConvergesFrom(EMPTY))
					.hasMessageContaining("V2__index_on_a_missing_column.sql");
				assertThat(MigrationConvergence.of(context).lint().check().findings())
					.extracting((finding) -> finding.script() + ":" + finding.line() + " " + finding.rule().id())
					.containsExactly("V2__index_on_a_missing_column.sql:2 create-index-without-concurrently");
			});
		}
	}

	@Test
	void takesTheContextsStarterSettings() {
		try (TestDatabase database = TestDatabase.create()) {
			// with the starter switched off in the application, a hand-made object stops
			// plain Flyway's migration
			application(database, "spring.flyway.locations=classpath:convergence/good",
					"idempotent-migrations.enabled=false")
				.run((context) -> assertThatThrownBy(() -> MigrationConvergence.of(context)
					.withSeed(5)
					.assertConvergesFrom(PENDING_WITH_HAND_MADE_OBJECTS))
					.hasMessageContaining("State PENDING_WITH_HAND_MADE_OBJECTS did not converge")
					.hasMessageContaining("already exists"));
		}
	}

}
