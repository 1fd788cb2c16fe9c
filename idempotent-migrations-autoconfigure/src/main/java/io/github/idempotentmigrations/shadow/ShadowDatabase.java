package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * An empty database where plain Flyway builds the expected schema: one the user reserved
 * for it (emptied before use), or a temporary one created on the application's server and
 * dropped on {@link #close()}. A temporary shadow is claimed while in use, so that
 * another run, which drops the leftovers of killed runs, cannot drop it from under this
 * one: from before it is created until it is connected to, the creating session carries
 * its name as {@code application_name}; after that, the open session keeps PostgreSQL
 * from dropping it. A killed run's shadow loses both with its sessions, and the next run
 * drops it, whatever the clocks of the two say.
 */
public final class ShadowDatabase implements AutoCloseable {

	/**
	 * Name prefix of temporary shadows; the rest is the creation time in epoch seconds
	 * (for a person reading the list) and a random suffix.
	 */
	public static final String TEMPORARY_PREFIX = "im_shadow_";

	private static final String INSUFFICIENT_PRIVILEGE = "42501";

	private static final String OBJECT_IN_USE = "55006";

	private static final String PUBLIC = "public";

	// the session lock a run holds in the reserved shadow while it uses it
	private static final long RESERVED_LOCK = 0x696d5f736864774cL;

	private static final Duration RESERVED_LOCK_POLL = Duration.ofMillis(100);

	private static final String UNCLAIMED_SHADOWS = "SELECT datname FROM pg_database d WHERE starts_with(datname, ?)"
			+ " AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a"
			+ " WHERE a.datname = d.datname OR a.application_name = d.datname)" + " ORDER BY datname";

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
	 * One run at a time uses it (tenants in parallel, replicas starting together): each
	 * waits for the lock the run before it holds in the shadow itself, on its own session
	 * (not a pooled one), which closing ends; {@code waiting} runs once if it waits.
	 */
	public static ShadowDatabase reserved(DataSource dataSource, Connection application, Runnable waiting)
			throws SQLException {
		Connection connection = dataSource.getConnection();
		try {
			connection.setAutoCommit(true);
			if (serverAndDatabase(connection).equals(serverAndDatabase(application))) {
				throw new IllegalStateException("the reserved shadow database is the application's own database;"
						+ " it must be another one, which adoption empties before every use");
			}
			waitForTheReservedLock(connection, waiting);
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
	 * Asked again every so often rather than waited for: a session waiting for a lock is
	 * in a transaction, and a {@code CREATE INDEX CONCURRENTLY} of the run that holds the
	 * lock would wait for that transaction to end.
	 */
	private static void waitForTheReservedLock(Connection connection, Runnable waiting) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (boolean first = true;; first = false) {
				try (ResultSet locked = statement.executeQuery("SELECT pg_try_advisory_lock(" + RESERVED_LOCK + ")")) {
					if (locked.next() && locked.getBoolean(1)) {
						return;
					}
				}
				if (first) {
					waiting.run();
				}
				try {
					Thread.sleep(RESERVED_LOCK_POLL.toMillis());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while waiting for the reserved shadow database", ex);
				}
			}
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
		dropLeftovers(server);
		String name = TEMPORARY_PREFIX + System.currentTimeMillis() / 1000 + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		String applicationName = setting(server, "application_name");
		claim(server, name);
		ShadowDatabase shadow;
		try {
			shadow = createAndConnect(server, database, name);
		}
		catch (SQLException | RuntimeException ex) {
			// the claim goes whatever happened; its own failure must not hide why
			try {
				claim(server, applicationName);
			}
			catch (SQLException restore) {
				ex.addSuppressed(restore);
			}
			throw ex;
		}
		try {
			claim(server, applicationName);
		}
		catch (SQLException ex) {
			shadow.close();
			throw ex;
		}
		return shadow;
	}

	private static ShadowDatabase createAndConnect(Connection server, Function<String, DataSource> database,
			String name) throws SQLException {
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

	/**
	 * What the migrations built here, after they ran: the schemas they built, the
	 * database's own entries on {@code public} left out unless it is migrated.
	 */
	public SchemaSnapshot expectedSchema(Collection<String> migrated) throws SQLException {
		return withoutStockPublic(SchemaSnapshot.read(this.connection, schemasBuilt(migrated)), migrated);
	}

	static SchemaSnapshot withoutStockPublic(SchemaSnapshot snapshot, Collection<String> migrated) {
		return migrated.contains(PUBLIC) ? snapshot : snapshot.withoutEntriesOnSchema(PUBLIC);
	}

	/**
	 * The schemas the migrations built here, after they ran: the migrated ones
	 * ({@code migrated}, the tenant's) and every other schema, but an empty
	 * {@code public} that every new database has (it is no part of a tenant's schema, and
	 * the application's own public objects are not a tenant's drift).
	 */
	private List<String> schemasBuilt(Collection<String> migrated) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT n.nspname FROM pg_namespace n"
				+ " WHERE n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' AND (n.nspname <> 'public'"
				+ " OR n.nspname = ANY (?) OR EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid ="
				+ " 'pg_namespace'::regclass AND d.refobjid = n.oid AND d.deptype = 'n')) ORDER BY n.nspname")) {
			statement.setArray(1, this.connection.createArrayOf("text", migrated.toArray()));
			List<String> schemas = new ArrayList<>();
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					schemas.add(rows.getString(1));
				}
			}
			return schemas;
		}
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

	/** Sets the session's application_name: a shadow's name while it is being created. */
	private static void claim(Connection server, String applicationName) throws SQLException {
		try (PreparedStatement statement = server.prepareStatement("SELECT set_config('application_name', ?, false)")) {
			statement.setString(1, applicationName);
			statement.execute();
		}
	}

	private static String setting(Connection server, String name) throws SQLException {
		try (PreparedStatement statement = server.prepareStatement("SELECT current_setting(?)")) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	/**
	 * Drops the temporary shadows no run claims: none is being created by a live session
	 * and none has a session on it (a DROP of one that has fails, and it is left).
	 */
	private static void dropLeftovers(Connection server) throws SQLException {
		List<String> leftovers = new ArrayList<>();
		try (PreparedStatement statement = server.prepareStatement(UNCLAIMED_SHADOWS)) {
			statement.setString(1, TEMPORARY_PREFIX);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					leftovers.add(rs.getString(1));
				}
			}
		}
		for (String name : leftovers) {
			drop(server, name, false);
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
