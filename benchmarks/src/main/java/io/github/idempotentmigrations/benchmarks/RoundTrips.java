package io.github.idempotentmigrations.benchmarks;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

/**
 * Counts the JDBC calls that reach the server, and the time spent in them, by category.
 * Wraps a DataSource so every Connection, Statement and DatabaseMetaData Flyway or the
 * engine use goes through it. A call counts as one round trip: {@code execute*},
 * {@code setSavepoint}, {@code releaseSavepoint}, {@code rollback}, {@code commit},
 * {@code setAutoCommit(true)} while a transaction may be open, opening a connection, and
 * DatabaseMetaData calls that return a ResultSet. (pgjdbc sends {@code BEGIN} together
 * with the first statement after {@code setAutoCommit(false)}, so that call is free.)
 */
final class RoundTrips {

	enum Category {

		/**
		 * Opening a physical connection (several round trips for startup and
		 * authentication; counted as one).
		 */
		CONNECT,
		/** The migration statements themselves, or what the engine ran in their place. */
		STATEMENT,
		/**
		 * Queries on pg_catalog / information_schema (engine snapshot, table details,
		 * fingerprints; Flyway's own).
		 */
		CATALOG,
		/**
		 * The engine's probes: statements re-pointed to the throwaway im_probe schema.
		 */
		PROBE,
		/**
		 * The engine's reads of sequence values (pg_sequences), before a migration's
		 * first data statement.
		 */
		SEQUENCES,
		/** SAVEPOINT, RELEASE, ROLLBACK TO. */
		SAVEPOINT,
		/** COMMIT / ROLLBACK / autocommit switches. */
		TRANSACTION,
		/** Flyway's history table reads and writes, its locks and session settings. */
		FLYWAY,
		/** DatabaseMetaData calls. */
		METADATA

	}

	/**
	 * A {@code SAVEPOINT name} command, not {@code RELEASE SAVEPOINT} nor
	 * {@code ROLLBACK TO SAVEPOINT}.
	 */
	private static final Pattern SAVEPOINT_COMMAND = Pattern.compile("(?<!release\\s)(?<!to\\s)\\bsavepoint\\s+\\w",
			Pattern.CASE_INSENSITIVE);

	private final Map<Category, long[]> counts = new EnumMap<>(Category.class);

	/**
	 * SAVEPOINT commands sent, in any round trip (a statement's prefix included) or
	 * through setSavepoint.
	 */
	private long savepointsSent;

	RoundTrips() {
		reset();
	}

	void reset() {
		for (Category category : Category.values()) {
			this.counts.put(category, new long[2]);
		}
		synchronized (this) {
			this.savepointsSent = 0;
		}
	}

	synchronized long savepointsSent() {
		return this.savepointsSent;
	}

	private synchronized void countSavepoints(String sql) {
		if (sql == null) {
			this.savepointsSent++; // Connection.setSavepoint
			return;
		}
		Matcher matcher = SAVEPOINT_COMMAND.matcher(sql);
		while (matcher.find()) {
			this.savepointsSent++;
		}
	}

	long total() {
		return this.counts.values().stream().mapToLong((c) -> c[0]).sum();
	}

	long count(Category category) {
		return this.counts.get(category)[0];
	}

	long nanos(Category category) {
		return this.counts.get(category)[1];
	}

	long totalNanos() {
		return this.counts.values().stream().mapToLong((c) -> c[1]).sum();
	}

	/** counts and times per category, e.g. {@code STATEMENT=1000/812ms CATALOG=...}. */
	String describe() {
		StringBuilder out = new StringBuilder();
		for (Map.Entry<Category, long[]> entry : this.counts.entrySet()) {
			if (entry.getValue()[0] > 0) {
				out.append(String.format(Locale.ROOT, "%s=%d/%dms ", entry.getKey().name().toLowerCase(Locale.ROOT),
						entry.getValue()[0], entry.getValue()[1] / 1_000_000));
			}
		}
		return out.toString().trim();
	}

	private synchronized void record(Category category, long nanos) {
		long[] c = this.counts.get(category);
		c[0]++;
		c[1] += nanos;
	}

	static Category classify(String sql) {
		if (sql == null) {
			return Category.STATEMENT;
		}
		String lower = sql.toLowerCase(Locale.ROOT);
		if (lower.contains("im_probe")) {
			return Category.PROBE;
		}
		if (lower.contains("pg_sequences")) {
			return Category.SEQUENCES;
		}
		if (lower.contains("flyway_schema_history") || lower.contains("pg_advisory") || lower.startsWith("set ")
				|| lower.startsWith("reset ") || lower.contains("pg_try_advisory")) {
			return Category.FLYWAY;
		}
		if (lower.contains("pg_catalog") || lower.contains("information_schema") || lower.contains("pg_class")
				|| lower.contains("pg_namespace") || lower.contains("pg_type") || lower.contains("pg_proc")
				|| lower.contains("pg_index") || lower.contains("pg_constraint") || lower.contains("pg_attribute")
				|| lower.contains("pg_description") || lower.contains("pg_extension") || lower.contains("current_")
				|| lower.contains("version()") || lower.contains("pg_settings") || lower.contains("pg_roles")
				|| lower.contains("pg_stat")) {
			return Category.CATALOG;
		}
		return Category.STATEMENT;
	}

	DataSource wrap(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				(proxy, method, args) -> {
					switch (method.getName()) {
						case "getConnection" -> {
							long start = System.nanoTime();
							Connection connection = (Connection) invoke(target, method, args);
							record(Category.CONNECT, System.nanoTime() - start);
							return wrapConnection(connection);
						}
						case "getParentLogger" -> {
							return Logger.getGlobal();
						}
						case "unwrap" -> throw new SQLFeatureNotSupportedException("benchmark proxy");
						case "isWrapperFor" -> {
							return false;
						}
						case "getLogWriter" -> {
							return (PrintWriter) null;
						}
						default -> {
							return invoke(target, method, args);
						}
					}
				});
	}

	private Connection wrapConnection(Connection target) {
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					String name = method.getName();
					switch (name) {
						case "createStatement" -> {
							return wrapStatement((Statement) invoke(target, method, args), Statement.class, null);
						}
						case "prepareStatement" -> {
							return wrapStatement((Statement) invoke(target, method, args), PreparedStatement.class,
									(String) args[0]);
						}
						case "prepareCall" -> {
							return wrapStatement((Statement) invoke(target, method, args), CallableStatement.class,
									(String) args[0]);
						}
						case "getMetaData" -> {
							return wrapMetaData((DatabaseMetaData) invoke(target, method, args));
						}
						case "setSavepoint" -> {
							countSavepoints(null);
							return timed(Category.SAVEPOINT, target, method, args);
						}
						case "releaseSavepoint" -> {
							return timed(Category.SAVEPOINT, target, method, args);
						}
						case "rollback" -> {
							return timed((args != null && args.length == 1) ? Category.SAVEPOINT : Category.TRANSACTION,
									target, method, args);
						}
						case "commit" -> {
							return timed(Category.TRANSACTION, target, method, args);
						}
						case "setAutoCommit" -> {
							if (Boolean.TRUE.equals(args[0]) && !target.getAutoCommit()) {
								return timed(Category.TRANSACTION, target, method, args);
							}
							return invoke(target, method, args);
						}
						default -> {
							return invoke(target, method, args);
						}
					}
				});
	}

	private Object wrapStatement(Statement target, Class<?> type, String preparedSql) {
		InvocationHandler handler = (proxy, method, args) -> {
			if (method.getName().startsWith("execute")) {
				String sql = (args != null && args.length > 0 && args[0] instanceof String s) ? s : preparedSql;
				countSavepoints((sql != null) ? sql : "");
				return timed(classify(sql), target, method, args);
			}
			return invoke(target, method, args);
		};
		return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { type }, handler);
	}

	private DatabaseMetaData wrapMetaData(DatabaseMetaData target) {
		return (DatabaseMetaData) Proxy.newProxyInstance(getClass().getClassLoader(),
				new Class<?>[] { DatabaseMetaData.class }, (proxy, method, args) -> {
					if (method.getReturnType() == ResultSet.class) {
						return timed(Category.METADATA, target, method, args);
					}
					return invoke(target, method, args);
				});
	}

	private Object timed(Category category, Object target, Method method, Object[] args) throws Throwable {
		long start = System.nanoTime();
		try {
			return invoke(target, method, args);
		}
		finally {
			record(category, System.nanoTime() - start);
		}
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

}
