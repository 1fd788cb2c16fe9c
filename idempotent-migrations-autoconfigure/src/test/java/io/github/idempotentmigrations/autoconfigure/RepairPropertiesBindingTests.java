package io.github.idempotentmigrations.autoconfigure;

import io.github.idempotentmigrations.flyway.InvalidIndexPolicy;
import io.github.idempotentmigrations.flyway.MissingMigrationPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Each repair key binds only the values it means; anything else stops startup at binding,
 * naming the valid ones.
 */
@ExtendWith(OutputCaptureExtension.class)
class RepairPropertiesBindingTests {

	@Test
	void keysBindTheValuesTheyMean() {
		try (ConfigurableApplicationContext context = start("idempotent-migrations.repair.invalid-indexes=warn",
				"idempotent-migrations.repair.missing-migrations=fail")) {
			IdempotentMigrationsProperties.Repair repair = context.getBean(IdempotentMigrationsProperties.class)
				.getRepair();
			assertThat(repair.getInvalidIndexes()).isEqualTo(InvalidIndexPolicy.WARN);
			assertThat(repair.getMissingMigrations()).isEqualTo(MissingMigrationPolicy.FAIL);
		}
	}

	@Test
	void warnForAKeyThatCannotLeaveItsProblemAsIsFailsAtBindingListingTheAllowedValues(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("idempotent-migrations.repair.failed-migrations=warn"));

		assertThat(output).contains("APPLICATION FAILED TO START", "idempotent-migrations.repair.failed-migrations",
				"The following values are valid:");
		String valid = output.toString().substring(output.toString().indexOf("The following values are valid:"));
		assertThat(valid).contains("REPAIR", "FAIL").doesNotContain("WARN");
	}

	@Test
	void repairForMissingMigrationsFailsAtBindingListingTheAllowedValues(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("idempotent-migrations.repair.missing-migrations=repair"));

		String valid = output.toString().substring(output.toString().indexOf("The following values are valid:"));
		assertThat(valid).contains("WARN", "FAIL").doesNotContain("REPAIR");
	}

	@Test
	void invalidIndexesWarnByDefaultAndRepairFailsAtBinding(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(context.getBean(IdempotentMigrationsProperties.class).getRepair().getInvalidIndexes())
				.isEqualTo(InvalidIndexPolicy.WARN);
		}
		// Startup never drops or reindexes an INVALID index itself: there is no 'repair'
		// to choose.
		assertThatException().isThrownBy(() -> start("idempotent-migrations.repair.invalid-indexes=repair"));

		String valid = output.toString().substring(output.toString().indexOf("The following values are valid:"));
		assertThat(valid).contains("WARN", "FAIL").doesNotContain("REPAIR");
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(PropertiesOnly.class).web(WebApplicationType.NONE)
			.properties(properties)
			.run();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(IdempotentMigrationsProperties.class)
	static class PropertiesOnly {

	}

}
