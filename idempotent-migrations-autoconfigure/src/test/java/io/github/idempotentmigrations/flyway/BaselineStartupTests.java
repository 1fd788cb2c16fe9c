package io.github.idempotentmigrations.flyway;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.flyway.MigratingApplication.history;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user's baseline is Flyway's: migrations at or below it are not pending, and nothing
 * says they are.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class BaselineStartupTests {

	@Test
	void migrationsAtOrBelowTheBaselineAreNotCalledPending(TestDatabase db) {
		// A schema at version 2 without history, baselined there by the user; V3 is the
		// one pending migration.
		db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);"
				+ " CREATE INDEX customers_name_idx ON customers (name)");
		on(db, "baseline", "spring.flyway.baseline-on-migrate=true", "spring.flyway.baseline-version=2")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
				assertThat(report.warnings()).noneMatch((warning) -> warning.contains("pending"));
				assertThat(report.migrations()).extracting(MigrationResult::label).containsExactly("3 \"add email\"");
			});
		assertThat(history(db)).hasSize(2).first().asString().contains(":2:", "BASELINE");
	}

}
