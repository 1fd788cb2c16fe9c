package io.github.idempotentmigrations.flyway;

import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A migration added below the applied version, with out-of-order off, is one Flyway
 * ignores and its validation refuses: a restart with nothing else pending stops as plain
 * Flyway does, instead of starting with the migration never applied.
 */
@ExtendWith({ PostgresDatabaseExtension.class, OutputCaptureExtension.class })
class IgnoredMigrationRestartTests {

	@Test
	void aMigrationBelowTheAppliedVersionStopsARestartAsFlywaysValidationDoes(TestDatabase db) {
		Flyway.configure()
			.dataSource(db.dataSource())
			.locations("classpath:db/startup/ignored-before")
			.load()
			.migrate();
		assertThatExceptionOfType(FlywayException.class).as("plain Flyway")
			.isThrownBy(() -> Flyway.configure()
				.dataSource(db.dataSource())
				.locations("classpath:db/startup/ignored-after")
				.load()
				.migrate())
			.withMessageContaining("not applied");
		DatabaseSnapshot before = DatabaseSnapshot.of(db);
		on(db, "ignored-after").run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("not applied"));
		assertThat(DatabaseSnapshot.of(db)).isEqualTo(before);
	}

	/**
	 * Ignored migrations the application lets pass ({@code *:ignored}): plain Flyway's
	 * migrate has nothing to do, and a restart does not run it for nothing.
	 */
	@Test
	void anIgnoredMigrationTheApplicationLetsPassStartsWithoutFlywaysMigrate(TestDatabase db, CapturedOutput output) {
		Flyway.configure()
			.dataSource(db.dataSource())
			.locations("classpath:db/startup/ignored-before")
			.load()
			.migrate();
		Flyway.configure()
			.dataSource(db.dataSource())
			.locations("classpath:db/startup/ignored-after")
			.ignoreMigrationPatterns("*:ignored")
			.load()
			.migrate();
		int plainSaid = output.getAll().split("No migration necessary", -1).length - 1;
		assertThat(plainSaid).as("plain Flyway's migrate").isEqualTo(1);
		on(db, "ignored-after", "spring.flyway.ignore-migration-patterns=*:ignored")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getAll().split("No migration necessary", -1).length - 1).isEqualTo(plainSaid);
	}

}
