package io.github.idempotentmigrations.sample.drift;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code sample.drift=true}: before Flyway is even built, turn the database into the
 * drifted state the seed stories started from, so the next startup shows the starter
 * repairing it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("sample.drift")
class SchemaDriftConfiguration {

	@Bean
	SchemaDrift sampleSchemaDrift(DataSource dataSource) {
		return new SchemaDrift(dataSource);
	}

	@Bean
	static FlywayDependsOnSchemaDrift flywayDependsOnSchemaDrift() {
		return new FlywayDependsOnSchemaDrift();
	}

	static final class FlywayDependsOnSchemaDrift extends AbstractDependsOnBeanFactoryPostProcessor {

		FlywayDependsOnSchemaDrift() {
			super(Flyway.class, SchemaDrift.class);
		}

	}

}
