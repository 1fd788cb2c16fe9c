package io.github.idempotentmigrations.autoconfigure;

import java.util.List;

import io.github.idempotentmigrations.flyway.MigratingApplication;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations complete before the application's JDBC users exist, also under lazy
 * initialization.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class LazyInitializationStartupTests {

	@Test
	void migratesAtStartupUnderLazyInitializationEvenWhenNoBeanAsksForFlyway(TestDatabase db) {
		MigratingApplication.on(db, "lazy")
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(new JdbcTemplate(db.dataSource()).queryForObject("SELECT count(*) FROM accounts",
						Integer.class))
					.isEqualTo(2);
			});
	}

	@Test
	void aJdbcTemplateUserReadsTheMigratedSchemaWhenItIsCreated(TestDatabase db) {
		MigratingApplication.on(db, "lazy")
			.withConfiguration(AutoConfigurations.of(JdbcTemplateAutoConfiguration.class))
			.withUserConfiguration(AccountsReader.class)
			.withInitializer(
					(context) -> context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("accountEmails"))
					.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
					.containsExactly("ann@example.com", "bob@example.com");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class AccountsReader {

		/**
		 * Reads the table in its factory method: fails if the bean were created before
		 * migrations ran.
		 */
		@Bean
		List<String> accountEmails(JdbcTemplate jdbc) {
			return jdbc.queryForList("SELECT email FROM accounts ORDER BY id", String.class);
		}

	}

}
