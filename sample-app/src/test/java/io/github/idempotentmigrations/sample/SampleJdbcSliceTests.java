package io.github.idempotentmigrations.sample;

import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.flyway.IdempotentMigrationStrategy;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @JdbcTest} slice migrates through the starter, as the application does: on a
 * database where an earlier release ran V1 to V3 and someone added V4's column by hand,
 * plain Flyway would stop at "column already exists".
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class SampleJdbcSliceTests {

	private static final TestDatabase database = driftedDatabase();

	@Autowired
	private FlywayMigrationStrategy strategy;

	@Autowired
	private MigrationReportStore reports;

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
	void sliceMigratesThroughTheStarter() {
		assertThat(this.strategy).isInstanceOf(IdempotentMigrationStrategy.class);
		assertThat(this.reports.last()).hasValueSatisfying((report) -> {
			assertThat(report.converged()).isTrue();
			assertThat(report.migrations()).filteredOn((migration) -> "4".equals(migration.version()))
				.singleElement()
				.satisfies((migration) -> assertThat(migration.statements()).extracting(StatementResult::outcome)
					.containsExactly(Outcome.SKIPPED, Outcome.APPLIED));
		});
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Integer.class).single())
			.isEqualTo(6);
	}

	private static TestDatabase driftedDatabase() {
		TestDatabase database = TestDatabase.create();
		Flyway.configure().dataSource(database.dataSource()).target("3").load().migrate();
		database.execute("ALTER TABLE chats ADD COLUMN last_message_at TIMESTAMPTZ");
		return database;
	}

}
