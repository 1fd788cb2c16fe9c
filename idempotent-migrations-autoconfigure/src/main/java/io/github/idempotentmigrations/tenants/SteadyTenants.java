package io.github.idempotentmigrations.tenants;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.StartupMode;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.flyway.ApplicationCallbacks;
import io.github.idempotentmigrations.flyway.DriftPolicy;
import io.github.idempotentmigrations.flyway.MigrationDatabase;
import io.github.idempotentmigrations.flyway.StartupLock;
import io.github.idempotentmigrations.flyway.StartupSettings;
import io.github.idempotentmigrations.shadow.ExpectedSchemaStore;
import io.github.idempotentmigrations.shadow.Transaction;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * The common restart of many tenants without a Flyway run per tenant. Flyway's verdict on
 * a schema (applied, pending, failed, changed, missing) is a function of the scripts, the
 * configuration and the history rows; the scripts and the configuration are the same for
 * every tenant (the {@code ${tenant}} placeholder is not in Flyway's checksums). So a
 * tenant whose history rows and stored expected schema key equal, row for row, those of a
 * tenant the whole strategy has just found steady (nothing to repair, migrate or warn
 * about, and unchanged while it ran) and that has no INVALID index is in that same state;
 * its report says so with one query instead of a Flyway run, and so is not a whole
 * catalog scan per tenant. Any other tenant, and every tenant when a setting makes the
 * restart read more than that (validate mode, a drift policy that compares, init SQL) or
 * run code of the application's (a callback on the events the whole strategy's Flyway
 * fires on a steady tenant), runs through the whole strategy.
 */
final class SteadyTenants {

	// Schemas among the tenants' that hold an INVALID index (one being built concurrently
	// too): one pass over pg_index for all of them, before any runs.
	private static final String WITH_INVALID_INDEXES = """
			SELECT DISTINCT n.nspname FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
			JOIN pg_namespace n ON n.oid = i.relnamespace WHERE NOT x.indisvalid AND n.nspname = ANY (?)
			""";

	// Schemas among the tenants' with both a history and an expected schema table: a
	// lookup by table name (indexed), so a first start asks no tenant for its history.
	private static final String WITH_HISTORY = """
			SELECT n.nspname FROM pg_class h JOIN pg_namespace n ON n.oid = h.relnamespace
			WHERE h.relname = ? AND n.nspname = ANY (?)
			  AND EXISTS (SELECT 1 FROM pg_class e WHERE e.relname = ? AND e.relnamespace = h.relnamespace)
			""";

	// Flyway's info, and the migrate the strategy runs on a steady tenant for the
	// application's callbacks of a migrate with nothing pending
	private static final Set<Event> STEADY_TENANT_EVENTS = steadyTenantEvents();

	private final @Nullable DataSource dataSource;

	private final String historyTable;

	private final StartupMode mode;

	private final Set<String> withHistory;

	private final Set<String> withInvalidIndexes;

	private final AtomicReference<@Nullable Steady> steady = new AtomicReference<>();

	private SteadyTenants(@Nullable DataSource dataSource, String historyTable, StartupMode mode,
			Set<String> withHistory, Set<String> withInvalidIndexes) {
		this.dataSource = dataSource;
		this.historyTable = historyTable;
		this.mode = mode;
		this.withHistory = withHistory;
		this.withInvalidIndexes = withInvalidIndexes;
	}

	/**
	 * For {@code schemas} migrated with {@code base} (what every tenant's configuration
	 * shares, its locations included); none when a setting makes the restart read more
	 * than the history or the catalog cannot be read.
	 */
	static SteadyTenants of(StartupSettings settings, Configuration base, List<String> schemas) {
		SteadyTenants none = new SteadyTenants(null, base.getTable(), settings.mode(), Set.of(), Set.of());
		String initSql = base.getInitSql();
		if (settings.mode() != StartupMode.MIGRATE || settings.repair().drift() != DriftPolicy.WARN
				|| (initSql != null && !initSql.isBlank()) || callsBackOnSteadyTenants(base)
				|| base.getDataSource() == null) {
			return none;
		}
		try (Connection connection = base.getDataSource().getConnection()) {
			if (!MigrationDatabase.isPostgreSql(connection)) {
				return none;
			}
			Array names = connection.createArrayOf("text", schemas.toArray());
			return new SteadyTenants(base.getDataSource(), base.getTable(), settings.mode(),
					schemas(connection, WITH_HISTORY, base.getTable(), names,
							ExpectedSchemaStore.tableBeside(base.getTable())),
					schemas(connection, WITH_INVALID_INDEXES, names));
		}
		catch (SQLException ex) {
			// every tenant runs through the whole strategy, which says what is wrong
			return none;
		}
	}

	/**
	 * What the history and the stored expected schema of {@code schema} say, when the
	 * tenant may be steady; empty when it runs through the whole strategy anyway.
	 */
	Optional<TenantFacts> facts(String schema) {
		if (this.dataSource == null || !this.withHistory.contains(schema) || this.withInvalidIndexes.contains(schema)) {
			return Optional.empty();
		}
		// Read under the tenant's startup lock: while another instance holds it, what it
		// is changing is not committed yet, and the whole strategy waits for it.
		try (Connection connection = this.dataSource.getConnection()) {
			return Transaction.run(connection,
					() -> StartupLock.takeForTransaction(connection, new ObjectName(schema, this.historyTable))
							? read(connection, schema) : Optional.empty());
		}
		catch (SQLException ex) {
			// no history or no expected schema yet, among others: the whole strategy
			// finds out
			return Optional.empty();
		}
	}

	private Optional<TenantFacts> read(Connection connection, String schema) throws SQLException {
		String history = new ObjectName(schema, this.historyTable).toSql();
		String expected = new ObjectName(schema, ExpectedSchemaStore.tableBeside(this.historyTable)).toSql();
		// The row Flyway writes when it creates the schema names it: one tenant's differs
		// from another's by that name alone, which Flyway's verdict does not read.
		try (PreparedStatement statement = connection.prepareStatement("SELECT (SELECT string_agg(format("
				+ "'%L|%L|%L|%L|%L|%L', type, version, description, CASE WHEN type = 'SCHEMA' AND script = ?"
				+ " THEN 'the tenant''s schema' ELSE script END, checksum, success), E'\\n'"
				+ " ORDER BY installed_rank) FROM " + history + "), (SELECT string_agg(DISTINCT migrations, ',')"
				+ " FROM " + expected + ")")) {
			statement.setString(1, ObjectName.quote(schema));
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				String rows = rs.getString(1);
				String stored = rs.getString(2);
				return (rows == null || stored == null) ? Optional.empty() : Optional.of(new TenantFacts(rows, stored));
			}
		}
	}

	/**
	 * The report of a tenant whose facts equal those of a tenant found steady, started at
	 * {@code startedAt}.
	 */
	Optional<MigrationReport> steadyReport(@Nullable TenantFacts facts, Instant startedAt) {
		Steady known = this.steady.get();
		if (facts == null || known == null || !known.facts().equals(facts)) {
			return Optional.empty();
		}
		return Optional.of(new MigrationReport(startedAt, Duration.between(startedAt, Instant.now()), this.mode,
				known.schemaVersion(), List.of(), List.of(), List.of(), List.of()));
	}

	/**
	 * After the whole strategy ran on a tenant: when it found it steady and its facts did
	 * not change while it ran, they are the steady facts other tenants are compared with.
	 */
	void ranFully(TenantRun run, @Nullable TenantFacts before) {
		if (before == null || this.steady.get() != null) {
			return;
		}
		Optional<MigrationReport> report = run.report();
		if (run.failure() != null || report.isEmpty() || !steady(report.get())) {
			return;
		}
		facts(run.schema()).filter(before::equals)
			.ifPresent((after) -> this.steady.compareAndSet(null, new Steady(after, report.get().schemaVersion())));
	}

	/**
	 * Whether a callback (a Java one, or a script in the tenants' locations) handles an
	 * event the whole strategy's Flyway fires on a steady tenant (it connects and reads
	 * the history, Flyway's info).
	 */
	private static boolean callsBackOnSteadyTenants(Configuration base) {
		return ApplicationCallbacks.anyFor(base, STEADY_TENANT_EVENTS);
	}

	private static Set<Event> steadyTenantEvents() {
		Set<Event> events = EnumSet.of(Event.AFTER_CONNECT, Event.BEFORE_INFO, Event.AFTER_INFO, Event.AFTER_INFO_ERROR,
				Event.AFTER_INFO_OPERATION_FINISH);
		events.addAll(ApplicationCallbacks.ON_MIGRATE_WITH_NOTHING_PENDING);
		return events;
	}

	private static boolean steady(MigrationReport report) {
		return report.converged() && report.repairs().isEmpty() && report.migrations().isEmpty()
				&& report.warnings().isEmpty();
	}

	private static Set<String> schemas(Connection connection, String query, Object... parameters) throws SQLException {
		Set<String> found = new HashSet<>();
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					found.add(rs.getString(1));
				}
			}
		}
		return Set.copyOf(found);
	}

	/**
	 * A tenant's history rows (type, version, description, script, checksum, success, in
	 * installed order) and the keys of its stored expected schema.
	 */
	record TenantFacts(String history, String expectedSchemaKeys) {
	}

	private record Steady(TenantFacts facts, @Nullable String schemaVersion) {
	}

}
