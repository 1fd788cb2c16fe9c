package io.github.idempotentmigrations.autoconfigure;

import java.sql.SQLException;
import java.sql.Statement;

import io.github.idempotentmigrations.flyway.StarterCallback;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Bounds lock waits of migration statements on the connection Flyway migrates with
 * (Flyway's PostgreSQL support migrates on one connection when its lock is session-level,
 * as the starter sets it), for the migrate run only: set before it, reset after it
 * (outside any migration's transaction, two round trips a run), so the pooled connection
 * goes back to the application with the server's default.
 */
final class MigrationLockTimeout implements StarterCallback {

	private static final Log logger = LogFactory.getLog(MigrationLockTimeout.class);

	private static final String RESET = "RESET lock_timeout";

	private final String setSql;

	MigrationLockTimeout(String setSql) {
		this.setSql = setSql;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return switch (event) {
			case BEFORE_MIGRATE, AFTER_MIGRATE, AFTER_MIGRATE_ERROR -> true;
			// a Java migration's statements are not the engine's: nothing retries them,
			// so they wait as under plain Flyway
			case BEFORE_EACH_MIGRATE, AFTER_EACH_MIGRATE ->
				context.getMigrationInfo() != null && !"SQL".equals(context.getMigrationInfo().getType().name());
			default -> false;
		};
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		switch (event) {
			case BEFORE_MIGRATE, AFTER_EACH_MIGRATE -> execute(context, this.setSql);
			case AFTER_MIGRATE, BEFORE_EACH_MIGRATE -> execute(context, RESET);
			default -> resetAfterFailure(context);
		}
	}

	/**
	 * A failed transactional migration's transaction is aborted and will roll back,
	 * taking its {@code SET} with it; the failure itself is what the application must
	 * see.
	 */
	private static void resetAfterFailure(Context context) {
		try {
			execute(context, RESET);
		}
		catch (FlywayException ex) {
			logger.debug("lock_timeout is reset by the rollback of the failed migration", ex);
		}
	}

	private static void execute(Context context, String sql) {
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new FlywayException("Could not run '" + sql + "' on the migration connection", ex);
		}
	}

	@Override
	public String getCallbackName() {
		return "idempotent-migrations lock_timeout";
	}

}
