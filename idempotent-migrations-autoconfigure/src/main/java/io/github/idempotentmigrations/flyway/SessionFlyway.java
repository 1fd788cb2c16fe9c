package io.github.idempotentmigrations.flyway;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * The application's Flyway, working on the strategy's own session instead of taking
 * connections from the pool: a startup needs no more connections than plain Flyway (one,
 * as Flyway's PostgreSQL support uses a single connection when its lock is session-level,
 * which the starter configures). Flyway's own advisory lock, on the same session as the
 * startup lock, is simply held once more.
 */
final class SessionFlyway {

	private SessionFlyway() {
	}

	static Flyway on(Configuration application, Connection session) {
		return Flyway.configure(application.getClassLoader())
			.configuration(application)
			.dataSource(new SessionDataSource(application.getDataSource(), session))
			.load();
	}

	/**
	 * The data source to derive other connections from (a shadow database on the same
	 * server): the application's, also when {@code dataSource} is a session handed to
	 * Flyway.
	 */
	static DataSource application(DataSource dataSource) {
		return (dataSource instanceof SessionDataSource onSession) ? onSession.application : dataSource;
	}

	/**
	 * Hands out the session each time; Flyway closing it gives it back to nobody: the
	 * strategy closes it.
	 */
	private static final class SessionDataSource implements DataSource {

		private final DataSource application;

		private final Connection session;

		private SessionDataSource(DataSource application, Connection session) {
			this.application = application;
			this.session = session;
		}

		@Override
		public Connection getConnection() {
			return (Connection) Proxy.newProxyInstance(SessionFlyway.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("close") && method.getParameterCount() == 0) {
							return null;
						}
						try {
							return method.invoke(this.session, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		@Override
		public Connection getConnection(String username, String password) {
			return getConnection();
		}

		@Override
		public @Nullable PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws java.sql.SQLException {
			return this.application.unwrap(type);
		}

		@Override
		public boolean isWrapperFor(Class<?> type) throws java.sql.SQLException {
			return this.application.isWrapperFor(type);
		}

	}

}
