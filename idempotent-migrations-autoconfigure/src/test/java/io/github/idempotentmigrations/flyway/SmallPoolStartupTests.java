package io.github.idempotentmigrations.flyway;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.idempotentmigrations.flyway.MigratingApplication.history;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pool as small as plain Flyway needs (one connection): startup migrates on the
 * strategy's own session, never waiting for a second connection the pool does not have.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class SmallPoolStartupTests {

	// Short, so that a startup waiting for a connection fails in seconds rather than
	// Hikari's 30.
	private static final String CONNECTION_TIMEOUT = "spring.datasource.hikari.connection-timeout=2000";

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void migratesAnEmptyDatabase(int poolSize, TestDatabase db) {
		on(db, "two-migrations", "spring.datasource.hikari.maximum-pool-size=" + poolSize, CONNECTION_TIMEOUT)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(history(db)).hasSize(2).allSatisfy((row) -> assertThat(row).endsWith(":t"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void runsAPendingMigration(int poolSize, TestDatabase db) {
		plainFlyway(db, "two-migrations", "1");
		on(db, "two-migrations", "spring.datasource.hikari.maximum-pool-size=" + poolSize, CONNECTION_TIMEOUT)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(history(db)).hasSize(2).allSatisfy((row) -> assertThat(row).endsWith(":t"));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void restartsWithNothingPending(int poolSize, TestDatabase db) {
		plainFlyway(db, "two-migrations", "2");
		on(db, "two-migrations", "spring.datasource.hikari.maximum-pool-size=" + poolSize, CONNECTION_TIMEOUT)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void adoptsASchemaWithoutHistory(int poolSize, TestDatabase db) {
		db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL)");
		on(db, "adopt", "spring.datasource.hikari.maximum-pool-size=" + poolSize, CONNECTION_TIMEOUT)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(history(db)).isNotEmpty().allSatisfy((row) -> assertThat(row).endsWith(":t"));
	}

}
