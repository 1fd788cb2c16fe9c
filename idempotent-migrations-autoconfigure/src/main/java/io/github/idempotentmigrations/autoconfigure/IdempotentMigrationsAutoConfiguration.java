package io.github.idempotentmigrations.autoconfigure;

import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.LockWaits;
import io.github.idempotentmigrations.flyway.ConnectSettings;
import io.github.idempotentmigrations.flyway.IdempotentMigrationStrategy;
import io.github.idempotentmigrations.flyway.IdempotentStatementCallback;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.flyway.MigrationRunTracker;
import io.github.idempotentmigrations.flyway.PersonsWord;
import io.github.idempotentmigrations.flyway.RepairSettings;
import io.github.idempotentmigrations.flyway.ShadowSettings;
import io.github.idempotentmigrations.flyway.StartupSettings;
import org.flywaydb.core.Flyway;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * Makes Boot's Flyway migrations idempotent on PostgreSQL: every statement goes through
 * the engine, and startup runs inspect, repair, migrate and verify. Boot's
 * {@link FlywayAutoConfiguration} stays in charge of building Flyway and of ordering
 * migrations before the rest of the application.
 */
@AutoConfiguration(before = FlywayAutoConfiguration.class)
@ConditionalOnClass({ Flyway.class, FlywayMigrationStrategy.class, PostgreSQLConfigurationExtension.class })
@ConditionalOnBooleanProperty(name = "idempotent-migrations.enabled", matchIfMissing = true)
@EnableConfigurationProperties(IdempotentMigrationsProperties.class)
public final class IdempotentMigrationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	EngineSettings idempotentMigrationsEngineSettings(IdempotentMigrationsProperties properties) {
		IdempotentMigrationsProperties.Connect connect = properties.getConnect();
		return new EngineSettings(properties.getOnConflict(),
				new LockWaits(connect.getLockRetries(), connect.getLockRetryBackoff()));
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationRunTracker idempotentMigrationsRunTracker(EngineSettings engineSettings) {
		return new MigrationRunTracker(engineSettings);
	}

	@Bean
	@ConditionalOnMissingBean
	MigrationReportStore idempotentMigrationsReportStore() {
		return new MigrationReportStore();
	}

	@Bean
	@ConditionalOnMissingBean
	StartupSettings idempotentMigrationsStartupSettings(IdempotentMigrationsProperties properties) {
		IdempotentMigrationsProperties.Repair repair = properties.getRepair();
		IdempotentMigrationsProperties.Connect connect = properties.getConnect();
		return new StartupSettings(properties.getMode(),
				new RepairSettings(repair.getUnhistoriedSchema(), repair.getFailedMigrations(),
						repair.getInvalidIndexes(), repair.getChecksumMismatches(), repair.getMissingMigrations(),
						repair.getDrift()),
				new ConnectSettings(connect.getTimeout(), connect.getInitialBackoff(), connect.getMaxBackoff(),
						connect.getLockTimeout()),
				new ShadowSettings(properties.getShadow().getUrl(), properties.getShadow().getUsername(),
						properties.getShadow().getPassword()),
				new PersonsWord(repair.getAssumeApplied(), repair.getResumeAfter()));
	}

	@Bean
	FlywayConfigurationCustomizer idempotentMigrationsFlywayCustomizer(MigrationRunTracker runs,
			StartupSettings settings) {
		return new IdempotentFlywayCustomizer(new IdempotentStatementCallback(runs), settings);
	}

	/**
	 * Keeps Boot's migration initializer eager under
	 * {@code spring.main.lazy-initialization=true}: otherwise nothing may ask for it, and
	 * the application would serve requests on an unmigrated schema.
	 */
	@Bean
	static LazyInitializationExcludeFilter idempotentMigrationsEagerFlywayInitializer() {
		return LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class);
	}

	/**
	 * Backs off when the application defines its own strategy: its {@code migrate()}
	 * still runs every statement through the engine (the callback is registered on Flyway
	 * itself), but inspect, repair and verify are skipped.
	 */
	@Bean
	@ConditionalOnMissingBean(FlywayMigrationStrategy.class)
	IdempotentMigrationStrategy idempotentMigrationStrategy(StartupSettings settings, EngineSettings engineSettings,
			MigrationRunTracker runs, MigrationReportStore reports) {
		return new IdempotentMigrationStrategy(settings, engineSettings, runs, reports);
	}

}
