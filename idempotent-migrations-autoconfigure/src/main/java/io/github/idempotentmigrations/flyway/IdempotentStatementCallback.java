package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.util.EnumSet;
import java.util.Set;

import io.github.idempotentmigrations.engine.EngineRun;
import io.github.idempotentmigrations.engine.StatementJournal;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.ErrorDetails;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.exception.FlywayBlockStatementExecutionException;

import org.springframework.util.function.SingletonSupplier;

/**
 * The seam between Flyway and the engine. Flyway still parses scripts, replaces
 * placeholders and keeps history and checksums; before each statement it calls this
 * callback, which runs the statement through the engine on the migration's own connection
 * and then tells Flyway to skip its own execution.
 */
public final class IdempotentStatementCallback implements StarterCallback {

	private static final Set<Event> EVENTS = EnumSet.of(Event.BEFORE_MIGRATE, Event.BEFORE_EACH_MIGRATE,
			Event.BEFORE_EACH_MIGRATE_STATEMENT, Event.AFTER_EACH_MIGRATE_STATEMENT, Event.AFTER_EACH_MIGRATE,
			Event.AFTER_EACH_MIGRATE_ERROR, Event.AFTER_MIGRATE, Event.AFTER_MIGRATE_ERROR);

	private static final ErrorDetails SKIP_FLYWAY_EXECUTION = new ErrorDetails(CoreErrorCode.ERROR,
			"statement executed by idempotent-migrations");

	private final MigrationRunTracker runs;

	public IdempotentStatementCallback(MigrationRunTracker runs) {
		this.runs = runs;
	}

	@Override
	public boolean supports(Event event, Context context) {
		return EVENTS.contains(event);
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		switch (event) {
			case BEFORE_MIGRATE -> this.runs.begin();
			case BEFORE_EACH_MIGRATE -> {
				MigrationInfo info = context.getMigrationInfo();
				String version = (info.getVersion() != null) ? info.getVersion().getVersion() : null;
				EngineRun run = this.runs.current();
				run.beginMigration(version, info.getDescription(), info.getScript());
				PendingScripts scripts = new PendingScripts(context.getConfiguration());
				run.journalTo(journalOf(context.getConfiguration(), context.getConnection(), run),
						(version != null) ? version : info.getScript(),
						SingletonSupplier.of(() -> scripts.statementsOf(info)));
			}
			case BEFORE_EACH_MIGRATE_STATEMENT -> {
				EngineRun run = this.runs.current();
				StatementResult result = run.execute(context.getConnection(), context.getStatement().getSql());
				if (!run.flywayExecutes(result)) {
					throw new FlywayBlockStatementExecutionException(SKIP_FLYWAY_EXECUTION,
							"executed by idempotent-migrations");
				}
			}
			case AFTER_EACH_MIGRATE_STATEMENT -> this.runs.current().flywayExecuted(context.getConnection());
			case AFTER_EACH_MIGRATE -> {
				this.runs.current().migrationSucceeded(context.getConnection());
				this.runs.current().finishMigration();
			}
			case AFTER_EACH_MIGRATE_ERROR -> this.runs.current().finishMigration();
			case AFTER_MIGRATE, AFTER_MIGRATE_ERROR -> this.runs.finish();
			default -> {
			}
		}
	}

	/**
	 * The journal table sits beside the history table: same schema, the history table's
	 * name plus a suffix. Always qualified, so a migration's own {@code SET search_path}
	 * cannot move it; without a configured schema, the schema Flyway made current before
	 * the run's first migration (read once per run).
	 */
	private static StatementJournal journalOf(Configuration configuration, Connection connection, EngineRun run) {
		return run.journal(() -> {
			String schema = (configuration.getDefaultSchema() != null) ? configuration.getDefaultSchema()
					: (configuration.getSchemas().length > 0) ? configuration.getSchemas()[0]
							: MigratedSchemas.currentSchema(connection);
			return new StatementJournal(new ObjectName(schema, configuration.getTable() + "_statements").toSql());
		});
	}

	@Override
	public String getCallbackName() {
		return "idempotent-migrations";
	}

}
