package io.github.idempotentmigrations.test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.jspecify.annotations.Nullable;

/**
 * Records every SQL migration statement Flyway is about to run, in order; and, when
 * asked, terminates the migrating connection with {@code pg_terminate_backend} just
 * before statement number {@code killBefore}, the way a crashed pod or a failover ends a
 * deployment; the statement then never reaches the engine. Java migrations run no
 * statements through Flyway and are not counted.
 */
final class StatementTrace implements Callback {

	private final @Nullable TestDatabase database;

	private final int killBefore;

	private final List<Traced> statements = new ArrayList<>();

	private String migration;

	private int index;

	private StatementTrace(@Nullable TestDatabase database, int killBefore) {
		this.database = database;
		this.killBefore = killBefore;
	}

	static StatementTrace recording() {
		return new StatementTrace(null, 0);
	}

	static StatementTrace killingBefore(TestDatabase database, int statement) {
		return new StatementTrace(database, statement);
	}

	List<Traced> statements() {
		return List.copyOf(this.statements);
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.BEFORE_EACH_MIGRATE || event == Event.BEFORE_EACH_MIGRATE_STATEMENT;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		if (event == Event.BEFORE_EACH_MIGRATE) {
			MigrationInfo info = context.getMigrationInfo();
			this.migration = ((info.getVersion() != null) ? info.getVersion().getVersion() : "(repeatable)") + " \""
					+ info.getDescription() + "\" (" + info.getScript() + ")";
			this.index = 0;
			return;
		}
		this.statements.add(new Traced(this.migration, ++this.index, context.getStatement().getSql()));
		if (this.statements.size() == this.killBefore) {
			terminate(context.getConnection());
		}
	}

	/**
	 * Ends the backend from another session and waits (up to 10 s, PostgreSQL 14+) until
	 * it is gone.
	 */
	private void terminate(Connection migrating) {
		try (Statement own = migrating.createStatement(); ResultSet rs = own.executeQuery("SELECT pg_backend_pid()")) {
			rs.next();
			Sql.single(this.database, "SELECT pg_terminate_backend(" + rs.getInt(1) + ", 10000)");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not terminate the migrating connection: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Flyway runs callbacks in the order of their names, and the starter's
	 * ({@code idempotent-migrations}) ends Flyway's handling of each statement: this name
	 * must sort before it.
	 */
	@Override
	public String getCallbackName() {
		return "convergence-statement-trace";
	}

	/** One statement: its migration, its position there from 1, and its text. */
	record Traced(String migration, int index, String sql) {

		@Override
		public String toString() {
			return "statement " + this.index + " of migration " + this.migration + ": " + this.sql.strip();
		}
	}

}
