package io.github.idempotentmigrations.flyway;

import java.util.List;

import io.github.idempotentmigrations.shadow.ShadowDatabase;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Work on a shadow database is logged as shadow work, in one line (which shadow, why, how
 * long): never with Flyway's lines of a migrate, which would read as the application's
 * own database migrated from empty.
 */
@ExtendWith({ PostgresDatabaseExtension.class, OutputCaptureExtension.class })
class ShadowLoggingStartupTests {

	@Test
	void firstStartAfterPlainFlywayRecordsTheExpectedSchemaQuietly(TestDatabase db, CapturedOutput output) {
		plainFlyway(db, "two-migrations", "2");
		int before = output.getAll().length();
		on(db, "two-migrations").run((context) -> assertThat(context).hasNotFailed());
		assertShadowWorkInOneLine(output.getAll().substring(before), "to record the expected schema");
	}

	@Test
	void adoptionLogsItsShadowInOneLine(TestDatabase db, CapturedOutput output) {
		db.execute("CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL)");
		int before = output.getAll().length();
		on(db, "adopt").run((context) -> assertThat(context).hasNotFailed());
		assertShadowWorkInOneLine(output.getAll().substring(before), "to adopt");
	}

	private static void assertShadowWorkInOneLine(String log, String why) {
		List<String> lines = log.lines().toList();
		// Neither startup migrates the application's database: a migrate line can only
		// come from the shadow.
		assertThat(lines).noneMatch((line) -> line.contains("Migrating schema") || line.contains("<< Empty Schema >>"));
		assertThat(lines).filteredOn((line) -> line.contains(ShadowDatabase.TEMPORARY_PREFIX) && line.contains(why))
			.singleElement()
			.asString()
			.containsPattern(" in \\d+ ms$");
		assertThat(lines).allSatisfy((line) -> assertThat(line).hasSizeLessThanOrEqualTo(400));
	}

}
