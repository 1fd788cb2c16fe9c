package io.github.idempotentmigrations.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database of its own on the shared server; {@link #close()} drops it, so
 * tests neither depend on each other's order nor leak databases.
 */
public final class TestDatabase implements AutoCloseable {

	private final PostgresServer server;

	private final String name;

	private TestDatabase(PostgresServer server, String name) {
		this.server = server;
		this.name = name;
	}

	/** Creates a new empty database on the shared server. */
	public static TestDatabase create() {
		PostgresServer server = PostgresServers.shared();
		String name = "im_test_" + UUID.randomUUID().toString().replace("-", "");
		execute(server, "CREATE DATABASE " + name);
		return new TestDatabase(server, name);
	}

	/**
	 * Creates a new database as an exact copy of {@code template}
	 * ({@code CREATE DATABASE ... TEMPLATE}), which must have no open session; a session
	 * still closing is waited for a little.
	 */
	public static TestDatabase copyOf(TestDatabase template) {
		String name = "im_test_" + UUID.randomUUID().toString().replace("-", "");
		for (int attempt = 1;; attempt++) {
			try {
				execute(template.server, "CREATE DATABASE " + name + " TEMPLATE " + template.name);
				return new TestDatabase(template.server, name);
			}
			catch (IllegalStateException ex) {
				if (attempt == 50 || !String.valueOf(ex.getMessage()).contains("other users")) {
					throw ex;
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	public String name() {
		return this.name;
	}

	public String jdbcUrl() {
		return this.server.jdbcUrl(this.name);
	}

	public String user() {
		return this.server.user();
	}

	public String password() {
		return this.server.password();
	}

	public PostgresServer server() {
		return this.server;
	}

	/**
	 * Hands Spring's {@code spring.datasource.url/username/password} for this database to
	 * a property registry, e.g. {@code database.addDataSourceProperties(registry::add)}
	 * in a {@code @DynamicPropertySource} method.
	 */
	public void addDataSourceProperties(BiConsumer<String, Supplier<Object>> registry) {
		registry.accept("spring.datasource.url", this::jdbcUrl);
		registry.accept("spring.datasource.username", this::user);
		registry.accept("spring.datasource.password", this::password);
	}

	/**
	 * A HikariCP pool of at most {@code maximumSize} connections to this database, as a
	 * Boot application has; the caller closes it.
	 */
	public HikariDataSource pool(int maximumSize) {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(jdbcUrl());
		pool.setUsername(user());
		pool.setPassword(password());
		pool.setMaximumPoolSize(maximumSize);
		return pool;
	}

	/** A simple non-pooled DataSource on this database. */
	public DataSource dataSource() {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(jdbcUrl());
		dataSource.setUser(user());
		dataSource.setPassword(password());
		return dataSource;
	}

	public Connection connect() throws SQLException {
		return DriverManager.getConnection(jdbcUrl(), user(), password());
	}

	/** Runs SQL (one or more statements) on this database in autocommit mode. */
	public void execute(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run SQL on " + this.name + ": " + ex.getMessage(), ex);
		}
	}

	/** The first column of every row a query returns, as text, in the query's order. */
	public List<String> query(String sql) {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			List<String> rows = new ArrayList<>();
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql + ": " + ex.getMessage(), ex);
		}
	}

	@Override
	public void close() {
		// FORCE ends sessions a failed test may have left open (PostgreSQL 13+).
		execute(this.server, "DROP DATABASE IF EXISTS " + this.name + " WITH (FORCE)");
	}

	private static void execute(PostgresServer server, String sql) {
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.user(),
				server.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on the test server: " + ex.getMessage(), ex);
		}
	}

}
