package io.github.idempotentmigrations.autoconfigure;

import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import io.github.idempotentmigrations.engine.SchemaConvergenceException;
import io.github.idempotentmigrations.engine.StopReason;
import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StartupMode;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.shadow.ShadowUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * The kinds of startup failure an on-call person acts on differently: each says how far
 * startup got (so that a wrong password does not read like a half-run migration) and what
 * to do.
 */
enum FailureKind {

	UNREACHABLE(Reach.NOT_CONNECTED, "Check that the database is running and reachable from this host at the host"
			+ " and port above (firewall, DNS, service name) and that spring.datasource.url names them, or raise"
			+ " idempotent-migrations.connect.timeout if it starts slowly. Then restart the application."),

	AUTHENTICATION(Reach.NOT_CONNECTED, "Check the database user and password the application uses"
			+ " (spring.datasource.username/password, or spring.flyway.user/password if migrations run as another"
			+ " role) and that pg_hba.conf allows this host. Then restart."),

	MISSING_DATABASE(Reach.NOT_CONNECTED,
			"Create the database named above (CREATE DATABASE <name> OWNER <role>, as"
					+ " a role with CREATEDB), or correct the database name in spring.datasource.url. Then restart."),

	POOL_EXHAUSTED(Reach.NOT_CONNECTED, "Every connection of the pool was taken while the migrations were to start;"
			+ " the starter needs one, as plain Flyway does. Find what holds connections during startup (a bean that"
			+ " opens one and never closes it), or raise spring.datasource.hikari.maximum-pool-size. Then restart."),

	NO_SHADOW(Reach.NOTHING_CHANGED, "Give the starter an empty database to replay the migrations on: let the role"
			+ " create a temporary one (ALTER ROLE <role above> CREATEDB), or create an empty database for it and set"
			+ " idempotent-migrations.shadow.url (with .username and .password). Or, if you know the version the"
			+ " schema is at, set spring.flyway.baseline-on-migrate=true and spring.flyway.baseline-version. Then"
			+ " restart."),

	PRIVILEGES(Reach.STATEMENT, "Grant the migration user the privilege the statement needs (e.g. GRANT CREATE ON"
			+ " SCHEMA <schema> TO <role>, or ownership of the table), or run migrations as the schema owner via"
			+ " spring.flyway.user/password. Then restart."),

	SYNTAX(Reach.STATEMENT,
			"Fix the SQL of the migration named above. If it never ran anywhere, edit it in place;"
					+ " otherwise add a new migration. Then restart: nothing of it was applied."),

	CONFLICT(Reach.STATEMENT, "The object exists but differs from what the migration describes, and the starter will"
			+ " not change data on its own. Decide which definition is right. If 'Expected' is: check the existing"
			+ " data fits it, ALTER the object by hand, and restart. If 'Found' is: start once with"
			+ " idempotent-migrations.on-conflict=warn (the difference stays in the report and in /actuator/schema),"
			+ " then add a migration that makes the definitions agree. Never drop the object unless its data may go."),

	NOT_NULL_ON_POPULATED_TABLE(Reach.STATEMENT, "The table already has rows, so a NOT NULL column needs a value for"
			+ " them. Add a DEFAULT to the column in a new migration, or add it nullable, backfill it, then SET NOT"
			+ " NULL. Then restart; no row was changed."),

	DUPLICATE_DATA(Reach.STATEMENT, "Existing rows violate the unique index or constraint. Find them with SELECT"
			+ " <columns>, count(*) ... GROUP BY <columns> HAVING count(*) > 1, resolve the duplicates, then restart."),

	LOCK_TIMEOUT(Reach.STATEMENT, "The sessions named above held a lock the statement needs through every try (each"
			+ " time the migration went back to its savepoint, releasing its own locks, and paused before trying"
			+ " again). Let them finish, or end one with SELECT pg_terminate_backend(<pid>) (pg_stat_activity shows"
			+ " them); or give the migration more tries with idempotent-migrations.connect.lock-retries, or a longer"
			+ " idempotent-migrations.connect.lock-timeout per try (every query on the table waits behind it that"
			+ " long). Then restart."),

	FAILED_MIGRATION(Reach.STATEMENT, "PostgreSQL refused the statement above for a reason that is not about objects"
			+ " already being there. Make what it needs true in the database (its error says what), or, if the"
			+ " migration itself is wrong, fix it: edit it only if it never ran anywhere, else add a new migration"
			+ " (spring.flyway.locations). Then restart; the migration runs again from its start."),

	CHECKSUM_MISMATCH(Reach.NOTHING_CHANGED, "Restore the applied migration named above as it was applied (git"
			+ " history), and put the change in a new migration. If the edit changed nothing that matters (a comment,"
			+ " whitespace), start once with idempotent-migrations.repair.checksum-mismatches=realign to record the"
			+ " new checksum without running anything."),

	NOT_CONVERGED_IN_VALIDATE_MODE(Reach.NOTHING_CHANGED, "Validate mode changes nothing. Run the application once"
			+ " with idempotent-migrations.mode=migrate (the default) against this database to converge it, or fix"
			+ " each problem listed above; then validate again."),

	STOPPED_BY_POLICY(Reach.NOTHING_CHANGED, "Each problem above names the idempotent-migrations.repair.* property"
			+ " that decides it and the value that resolves it: a policy ('repair', or 'realign' for checksum"
			+ " mismatches), or what only a person can state (resume-after[<version>] for where a failed migration"
			+ " stopped, assume-applied for migrations that ran here). Check the database first, then set it and"
			+ " restart; or fix the cause by hand."),

	TRANSACTION_POOLER(Reach.NOTHING_CHANGED, "Give Flyway a connection of its own that bypasses the pooler: set"
			+ " spring.flyway.url to the PostgreSQL server's own host and port (e.g. jdbc:postgresql://db-host:5432/app),"
			+ " or to the pooler's session-mode port, with spring.flyway.user and spring.flyway.password (Boot takes"
			+ " neither from spring.datasource.* once spring.flyway.url is set). The application's own connections keep"
			+ " using the pooler. Then restart."),

	OTHER(Reach.UNKNOWN, "Read the problem above and fix its cause, then restart. The report at /actuator/schema"
			+ " (with management.endpoints.web.exposure.include=schema) lists what ran.");

	private final Reach reach;

	private final String action;

	FailureKind(Reach reach, String action) {
		this.reach = reach;
		this.action = action;
	}

	/** How far startup got, the first words of the description. */
	String reach() {
		return this.reach.text;
	}

	String action() {
		return this.action;
	}

	/**
	 * The kind of {@code failure}, from its fields: what stopped startup, its report, its
	 * cause. {@code stoppedBy} is the migration statement that stopped it, if one did;
	 * {@code sqlState} is that statement's SQLSTATE or that of the first SQL error in the
	 * chain.
	 */
	static FailureKind of(SchemaConvergenceException failure, Optional<StatementResult> stoppedBy,
			@Nullable String sqlState) {
		if (failure.reason() == StopReason.TRANSACTION_POOLER) {
			return TRANSACTION_POOLER;
		}
		if (stoppedBy.isPresent() && stoppedBy.get().outcome() == Outcome.CONFLICT) {
			return CONFLICT;
		}
		if (causedBy(failure, ShadowUnavailableException.class)) {
			return NO_SHADOW;
		}
		FailureKind bySqlState = (sqlState != null) ? ofSqlState(sqlState) : OTHER;
		if (bySqlState != OTHER) {
			return bySqlState;
		}
		if (sqlState == null && causedBy(failure, SQLTransientConnectionException.class)) {
			// the pool's own time-out, with no error of the database behind it
			return POOL_EXHAUSTED;
		}
		if (stoppedBy.isPresent()) {
			return FAILED_MIGRATION;
		}
		MigrationReport report = failure.report();
		if (report != null && report.mode() == StartupMode.VALIDATE) {
			return NOT_CONVERGED_IN_VALIDATE_MODE;
		}
		return switch (failure.reason()) {
			case CHECKSUM_MISMATCH -> CHECKSUM_MISMATCH;
			case REPAIR_SETTING -> STOPPED_BY_POLICY;
			case TRANSACTION_POOLER, NOT_CONVERGED -> OTHER;
		};
	}

	private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	private static FailureKind ofSqlState(String sqlState) {
		if (sqlState.startsWith("08")) {
			return UNREACHABLE;
		}
		return switch (sqlState) {
			case "28P01", "28000" -> AUTHENTICATION;
			case "3D000" -> MISSING_DATABASE;
			case "42501" -> PRIVILEGES;
			case "42601" -> SYNTAX;
			case "23502" -> NOT_NULL_ON_POPULATED_TABLE;
			case "23505" -> DUPLICATE_DATA;
			case "55P03" -> LOCK_TIMEOUT;
			default -> OTHER;
		};
	}

	private enum Reach {

		NOT_CONNECTED("Startup could not open a connection to the database: nothing in it was read or changed."),

		NOTHING_CHANGED("Startup stopped before changing anything in the database."),

		STATEMENT("The database schema could not be brought to the state the migrations describe; nothing was"
				+ " half-done (the failing migration's transactional work was rolled back)."),

		UNKNOWN("The database schema could not be brought to the state the migrations describe.");

		private final String text;

		Reach(String text) {
			this.text = text;
		}

	}

}
