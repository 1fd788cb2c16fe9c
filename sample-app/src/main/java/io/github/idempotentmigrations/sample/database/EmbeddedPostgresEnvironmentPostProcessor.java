package io.github.idempotentmigrations.sample.database;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Lets the sample run with no database set up: when {@code spring.datasource.url} is not
 * set anywhere, the URL of an embedded PostgreSQL server is used, and that server stops
 * with the application context.
 */
class EmbeddedPostgresEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		EmbeddedSampleDatabase database = new EmbeddedSampleDatabase(environment);
		environment.getPropertySources().addLast(new EmbeddedDatabaseUrlPropertySource(database));
		application.addListeners(new StopWithContext(database));
	}

	/**
	 * Registers the server's stop as the context's first disposable: disposables are
	 * destroyed in reverse order, so the server stops only after the connection pool and
	 * every other bean using it are gone.
	 */
	private static final class StopWithContext implements ApplicationListener<ApplicationPreparedEvent> {

		private final EmbeddedSampleDatabase database;

		private StopWithContext(EmbeddedSampleDatabase database) {
			this.database = database;
		}

		@Override
		public void onApplicationEvent(ApplicationPreparedEvent event) {
			if (event.getApplicationContext().getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
				registry.registerDisposableBean("embeddedSampleDatabase", this.database::stop);
			}
		}

	}

}
