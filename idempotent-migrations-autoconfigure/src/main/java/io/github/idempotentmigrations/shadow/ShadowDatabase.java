package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * An empty database where plain Flyway builds the expected schema: one the user reserved
 * for it (emptied before use), or a temporary one created on the application's server and
 * dropped on {@link #close()}. A temporary shadow stays connected while in use, so that a
 * later run, which drops the leftovers of killed runs, cannot drop it from under this
 * one.
 */
public final class ShadowDatabase implements AutoCloseable {

	/**
	 * Name prefix of temporary shadows; the rest is the creation time in epoch seconds
	 * and a random suffix.
	 */
	public static final String TEMPORARY_PREFIX = "im_shadow_";

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private static final String OBJECT_IN_USE = "55006";

	/**
	 * How old a temporary shadow nobody is connected to must be to count as a killed
	 * run's: one just created is not connected to yet (tenants migrating at once create
	 * shadows seconds apart on a busy server).
	 */
	private static final long LEFTOVER_AFTER_SECONDS = 60;

	private final DataSource dataSource;

	private final Connection connection;

	private final String description;

	private final @Nullable Connection server;

	private final @Nullable String temporaryName;

	private Runnable afterClose = () -> {
	};

	private ShadowDatabase(DataSource dataSource, Connection connection, String description,
			@Nullable Connection server, @Nullable String temporaryName) {
		this.dataSource = dataSource;
		this.connection = connection;
		this.description = description;
		this.server = server;
		this.temporaryName = temporaryName;
	}

	/**
	 * A database reserved for the shadow. Every schema in it is dropped first: the
	 * migrations must start on an empty database. Refuses the application's own database.
	 */
	public static ShadowDatabase reserved(DataSource dataSource, Connection application) throws SQLException {
		Connection connection = dataSource.getConnection();
		try {
			connection.setAutoCommit(true);
			if (serverAndDatabase(connection).equals(serverAndDatabase(application))) {
				throw new IllegalStateException("the reserved shadow database is the application's own database;"
						+ " it must be another one, which adoption empties before every use");
			}
			empty(connection);
			return new ShadowDatabase(dataSource, connection, "reserved shadow database " + connection.getCatalog(),
					null, null);
		}
		catch (SQLException | RuntimeException ex) {
			connection.close();
			throw ex;
		}
	}

	/**
	 * A temporary database on the server of {@code server} (a session that is not in a
	 * transaction), first dropping temporary shadows older than this one that no session
	 * uses any more.
	 * @param server a session on the application's server
	 * @param database opens a data source on another database of the same server, with
	 * the same credentials
	 * @throws ShadowUnavailableException when the session's role may not create databases
	 */
	public static ShadowDatabase temporary(Connection server, Function<String, DataSource> database)
			throws SQLException {
		long now = System.currentTimeMillis() / 1000;
		dropLeftovers(server, now);
		String name = TEMPORARY_PREFIX + now + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Statement statement = server.createStatement()) {
			// template0: nothing but what PostgreSQL itself puts in a database, whatever
			// template1 holds here.
			statement.execute("CREATE DATABASE " + name + " TEMPLATE template0");
		}
		catch (SQLException ex) {
			if (INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState())) {
				throw new ShadowUnavailableException(server.getMetaData().getUserName(), ex.getMessage());
			}
			throw ex;
		}
		try {
			DataSource dataSource = database.apply(name);
			return new ShadowDatabase(dataSource, dataSource.getConnection(), "temporary shadow database " + name,
					server, name);
		}
		catch (SQLException | RuntimeException ex) {
			drop(server, name, true);
			throw ex;
		}
	}

	public DataSource dataSource() {
		return this.dataSource;
	}

	/** A session on the shadow, open until {@link #close()}. */
	public Connection connection() {
		return this.connection;
	}

	/** For reports: which database served as the shadow. */
	public String description() {
		return this.description;
	}

	/**
	 * Runs {@code action} when this shadow is closed (a temporary one dropped), e.g. to
	 * log the work done on it.
	 */
	public ShadowDatabase afterClose(Runnable action) {
		this.afterClose = action;
		return this;
	}

	@Override
	public void close() throws SQLException {
		try {
			this.connection.close();
		}
		finally {
			try {
				if (this.temporaryName != null) {
					drop(this.server, this.temporaryName, true);
				}
			}
			finally {
				this.afterClose.run();
			}
		}
	}

	private static void dropLeftovers(Connection server, long now) throws SQLException {
		List<String> leftovers = new ArrayList<>();
		try (PreparedStatement statement = server
			.prepareStatement("SELECT datname FROM pg_database WHERE starts_with(datname, ?) ORDER BY datname")) {
			statement.setString(1, TEMPORARY_PREFIX);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					leftovers.add(rs.getString(1));
				}
			}
		}
		for (String name : leftovers) {
			if (createdBefore(name, now - LEFTOVER_AFTER_SECONDS)) {
				drop(server, name, false);
			}
		}
	}

	private static boolean createdBefore(String name, long now) {
		String[] parts = name.substring(TEMPORARY_PREFIX.length()).split("_");
		try {
			return parts.length == 2 && Long.parseLong(parts[0]) < now;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static void drop(Connection server, String name, boolean force) throws SQLException {
		try (Statement statement = server.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + (force ? " WITH (FORCE)" : ""));
		}
		catch (SQLException ex) {
			// Still connected (a run in progress elsewhere) or another role's: not ours
			// to drop.
			if (force || !(OBJECT_IN_USE.equals(ex.getSQLState()) || INSUFFICIENT_PRIVILEGE.equals(ex.getSQLState()))) {
				throw ex;
			}
		}
	}

	private static String serverAndDatabase(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"SELECT pg_postmaster_start_time()::text || ' ' || coalesce(inet_server_port(), 0) || ' '"
								+ " || current_database()")) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void empty(Connection connection) throws SQLException {
		List<String> drops = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT 'DROP SCHEMA ' || quote_ident(nspname) || ' CASCADE' FROM pg_namespace"
							+ " WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'")) {
			while (rs.next()) {
				drops.add(rs.getString(1));
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String drop : drops) {
				statement.execute(drop);
			}
			// As in a new database: unqualified names of the migrations land in public,
			// which is as PostgreSQL makes it (its comment and PUBLIC's privileges), or
			// the live database's stock public schema would read as drift.
			statement.execute("CREATE SCHEMA public");
			statement.execute("COMMENT ON SCHEMA public IS 'standard public schema'");
			// PostgreSQL 15 no longer lets PUBLIC create in it.
			boolean usageOnly = connection.getMetaData().getDatabaseMajorVersion() >= 15;
			statement.execute("GRANT " + (usageOnly ? "USAGE" : "USAGE, CREATE") + " ON SCHEMA public TO PUBLIC");
		}
	}

}
