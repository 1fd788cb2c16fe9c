package io.github.idempotentmigrations.autoconfigure;

import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.flyway.IdempotentMigrationStrategy;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.flyway.MigrationRunTracker;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(PostgresDatabaseExtension.class)
class IdempotentMigrationsAutoConfigurationTests {

	private static final String GREETINGS_MIGRATIONS = "classpath:db/autoconfigure-test";

	@Test
	void appliesAndMigratesEveryStatementThroughTheEngine(TestDatabase database) {
		runner(database).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(EngineSettings.class)
				.hasSingleBean(MigrationRunTracker.class)
				.hasSingleBean(MigrationReportStore.class)
				.hasSingleBean(IdempotentFlywayCustomizer.class);
			assertThat(context.getBean(FlywayMigrationStrategy.class)).isInstanceOf(IdempotentMigrationStrategy.class);
			assertThat(context.getBean(MigrationRunTracker.class).lastResults()).singleElement()
				.satisfies((migration) -> assertThat(migration.statements()).hasSize(2));
			assertThat(context.getBean(MigrationReportStore.class).last()).isPresent();
			assertThat(greetingsTableExists(database)).isTrue();
		});
	}

	@Test
	void backsOffEntirelyWhenDisabledAndPlainFlywayStillMigrates(TestDatabase database) {
		runner(database).withPropertyValues("idempotent-migrations.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(Flyway.class)
				.doesNotHaveBean(EngineSettings.class)
				.doesNotHaveBean(MigrationRunTracker.class)
				.doesNotHaveBean(MigrationReportStore.class)
				.doesNotHaveBean(IdempotentFlywayCustomizer.class)
				.doesNotHaveBean(FlywayMigrationStrategy.class);
			assertThat(greetingsTableExists(database)).isTrue();
		});
	}

	@Test
	void startsWithoutActuatorHealthOrMicrometer(TestDatabase database) {
		runner(database).withClassLoader(withoutActuator()).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(IdempotentMigrationStrategy.class);
			assertThat(greetingsTableExists(database)).isTrue();
		});
	}

	@Test
	void everyRegisteredAutoConfigurationStartsWithoutActuatorHealthOrMicrometer(TestDatabase database) {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
			.withConfiguration(AutoConfigurations.of(registeredAutoConfigurations()))
			.withClassLoader(withoutActuator())
			.withPropertyValues(databaseProperties(database))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(IdempotentMigrationStrategy.class);
				assertThat(greetingsTableExists(database)).isTrue();
			});
	}

	@Test
	void keepsTheApplicationsOwnStrategyWhoseMigrateStillGoesThroughTheEngine(TestDatabase database) {
		FlywayMigrationStrategy ownStrategy = Flyway::migrate;
		runner(database).withBean(FlywayMigrationStrategy.class, () -> ownStrategy).run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(IdempotentMigrationStrategy.class);
			assertThat(context.getBean(FlywayMigrationStrategy.class)).isSameAs(ownStrategy);
			assertThat(context.getBean(MigrationRunTracker.class).lastResults()).isNotEmpty();
			assertThat(greetingsTableExists(database)).isTrue();
		});
	}

	private static ApplicationContextRunner runner(TestDatabase database) {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				FlywayAutoConfiguration.class, IdempotentMigrationsAutoConfiguration.class))
			.withPropertyValues(databaseProperties(database));
	}

	/**
	 * Hides the optional modules, condition classes included, as an application without
	 * them has them.
	 */
	private static FilteredClassLoader withoutActuator() {
		return new FilteredClassLoader("org.springframework.boot.health", "org.springframework.boot.actuate",
				"io.micrometer");
	}

	private static String[] databaseProperties(TestDatabase database) {
		return new String[] { "spring.datasource.url=" + database.jdbcUrl(),
				"spring.datasource.username=" + database.user(), "spring.datasource.password=" + database.password(),
				"spring.flyway.locations=" + GREETINGS_MIGRATIONS };
	}

	/**
	 * Everything this module registers, as an application gets it, rather than a
	 * hand-picked subset.
	 */
	private static Class<?>[] registeredAutoConfigurations() {
		ClassLoader classLoader = IdempotentMigrationsAutoConfigurationTests.class.getClassLoader();
		return ImportCandidates.load(AutoConfiguration.class, classLoader)
			.getCandidates()
			.stream()
			.filter((name) -> name.startsWith("io.github.idempotentmigrations."))
			.map((name) -> ClassUtils.resolveClassName(name, classLoader))
			.toArray(Class<?>[]::new);
	}

	private static boolean greetingsTableExists(TestDatabase database) {
		return JdbcClient.create(database.dataSource())
			.sql("SELECT to_regclass('public.greetings') IS NOT NULL")
			.query(Boolean.class)
			.single();
	}

}
