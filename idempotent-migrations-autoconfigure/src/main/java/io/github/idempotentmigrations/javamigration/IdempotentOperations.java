package io.github.idempotentmigrations.javamigration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.github.idempotentmigrations.engine.EngineRun;
import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.StatementRejectedException;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.flyway.MigrationRunTracker;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;

/**
 * Idempotent schema operations for a Flyway Java migration. Each operation generates one
 * SQL statement and runs it through the engine, so it behaves exactly as the same
 * statement in an SQL migration (absent: applied; present and equal: skipped; partly
 * present: reconciled; different: conflict) and is recorded in the same report.
 *
 * <p>
 * Identifiers are validated and always double-quoted: {@code "Users"} and {@code "users"}
 * are different tables. Unqualified names live in {@code current_schema()} unless
 * {@link #inSchema(String)} names a schema. Types, defaults, expressions and raw SQL are
 * trusted code, like an SQL migration.
 *
 * <p>
 * Inside a {@code migrate()} run of the starter, operations join the run's report;
 * elsewhere (plain Flyway) each {@code IdempotentOperations} has a standalone run with
 * the default settings, so operations stay idempotent. Operations throw
 * {@link StatementRejectedException} on a conflict or a real error, which fails the
 * migration.
 */
public final class IdempotentOperations {

	private static final String IN_SCHEMA = "n.nspname = COALESCE(?::text, current_schema()::text)";

	private final Connection connection;

	private final EngineRun run;

	private final @Nullable String schema;

	private IdempotentOperations(Connection connection, EngineRun run, @Nullable String schema) {
		this.connection = Objects.requireNonNull(connection, "connection");
		this.run = run;
		this.schema = schema;
	}

	/**
	 * Operations on the Java migration's connection, for migrations that cannot extend
	 * {@link IdempotentJavaMigration}.
	 */
	public static IdempotentOperations of(Context context) {
		return of(context.getConnection(), "java migration");
	}

	static IdempotentOperations of(Connection connection, String migrationName) {
		EngineRun run = MigrationRunTracker.activeRun().orElseGet(() -> {
			EngineRun standalone = new EngineRun(EngineSettings.defaults());
			standalone.beginMigration(null, migrationName, null);
			return standalone;
		});
		return new IdempotentOperations(connection, run, null);
	}

	/**
	 * The same operations with unqualified names in {@code schema} instead of
	 * {@code current_schema()}.
	 */
	public IdempotentOperations inSchema(String schema) {
		return new IdempotentOperations(this.connection, this.run, Sql.identifier(schema, "schema name"));
	}

	/** The migration's connection, for anything this API does not cover. */
	public Connection connection() {
		return this.connection;
	}

	// ---- existence checks: one catalog query each ----

	/** Whether a table (plain or partitioned) named {@code table} exists. */
	public boolean tableExists(String table) {
		return query("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
				+ " ON n.oid = c.relnamespace WHERE " + IN_SCHEMA + " AND c.relname = ? AND c.relkind IN ('r', 'p'))",
				this.schema, name(table, "table name"));
	}

	/** Whether {@code table} has a column named {@code column}. */
	public boolean columnExists(String table, String column) {
		return query(
				"SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c"
						+ " ON c.oid = a.attrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE "
						+ IN_SCHEMA + " AND c.relname = ? AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped)",
				this.schema, name(table, "table name"), name(column, "column name"));
	}

	/** Whether an index named {@code index} exists (valid or not). */
	public boolean indexExists(String index) {
		return query("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
				+ " ON n.oid = c.relnamespace WHERE " + IN_SCHEMA + " AND c.relname = ? AND c.relkind IN ('i', 'I'))",
				this.schema, name(index, "index name"));
	}

	/** Whether {@code table} has a constraint (of any kind) named {@code constraint}. */
	public boolean constraintExists(String table, String constraint) {
		return constraint(table, constraint, null);
	}

	/** Whether {@code table} has a foreign key named {@code constraint}. */
	public boolean foreignKeyExists(String table, String constraint) {
		return constraint(table, constraint, "f");
	}

	/**
	 * Whether a type (enum, composite, domain, range, base) named {@code type} exists;
	 * tables' row types do not count.
	 */
	public boolean typeExists(String type) {
		return query(
				"SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n"
						+ " ON n.oid = t.typnamespace WHERE " + IN_SCHEMA + " AND t.typname = ? AND (t.typrelid = 0"
						+ " OR (SELECT c.relkind FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid) = 'c'))",
				this.schema, name(type, "type name"));
	}

	/** Whether the enum type {@code type} has the label {@code value}. */
	public boolean enumValueExists(String type, String value) {
		return query(
				"SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_enum e JOIN pg_catalog.pg_type t"
						+ " ON t.oid = e.enumtypid JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace WHERE "
						+ IN_SCHEMA + " AND t.typname = ? AND e.enumlabel = ?)",
				this.schema, name(type, "type name"), Objects.requireNonNull(value, "enum value"));
	}

	// ---- operations: generated SQL, run through the engine ----

	/**
	 * {@code CREATE TABLE}; when the table exists the engine reconciles it (adds what is
	 * missing, reports what differs).
	 */
	public StatementResult createTable(String table, Consumer<TableDefinition> definition) {
		TableDefinition columns = new TableDefinition();
		definition.accept(columns);
		return execute("CREATE TABLE " + qualified(table, "table name") + " (\n    " + columns.toSql() + "\n)");
	}

	/** {@code ALTER TABLE ... ADD COLUMN}; {@code type} is trusted raw SQL. */
	public StatementResult addColumn(String table, String column, String type) {
		return addColumn(table, column, type, (c) -> {
		});
	}

	/**
	 * {@code ALTER TABLE ... ADD COLUMN} with options such as
	 * {@code c -> c.notNull().defaultTo("0")}.
	 */
	public StatementResult addColumn(String table, String column, String type, Consumer<ColumnDefinition> options) {
		ColumnDefinition definition = new ColumnDefinition();
		options.accept(definition);
		return alter(table, "ADD COLUMN " + definition.toSql(column, type));
	}

	/** {@code ALTER TABLE ... DROP COLUMN}; a column already gone is skipped. */
	public StatementResult dropColumn(String table, String column) {
		return alter(table, "DROP COLUMN " + Sql.quote(column, "column name"));
	}

	/** {@code ALTER TABLE ... RENAME COLUMN}; already renamed is skipped. */
	public StatementResult renameColumn(String table, String from, String to) {
		return alter(table, "RENAME COLUMN " + Sql.quote(from, "column name") + " TO " + Sql.quote(to, "column name"));
	}

	/** {@code CREATE INDEX <index> ON <tableName> (<columns>)}. */
	public StatementResult createIndex(String index, String table, String... columns) {
		return index(false, false, index, table, columns);
	}

	/** {@code CREATE UNIQUE INDEX}. */
	public StatementResult createUniqueIndex(String index, String table, String... columns) {
		return index(true, false, index, table, columns);
	}

	/**
	 * {@code CREATE [UNIQUE] INDEX CONCURRENTLY}: an INVALID leftover of a failed build
	 * is dropped and rebuilt. Needs a migration that does not run in a transaction
	 * ({@code canExecuteInTransaction()} returning false).
	 */
	public StatementResult createIndexConcurrently(boolean unique, String index, String table, String... columns) {
		return index(unique, true, index, table, columns);
	}

	/** {@code DROP INDEX}; an index already gone is skipped. */
	public StatementResult dropIndex(String index) {
		return execute("DROP INDEX " + qualified(index, "index name"));
	}

	/** {@code DROP INDEX CONCURRENTLY}; needs a non-transactional migration. */
	public StatementResult dropIndexConcurrently(String index) {
		requireAutocommit("DROP INDEX CONCURRENTLY");
		return execute("DROP INDEX CONCURRENTLY " + qualified(index, "index name"));
	}

	/**
	 * {@code ALTER TABLE <tableName> ADD CONSTRAINT <name> FOREIGN KEY (<column>) REFERENCES <refTable> (<refColumn>)}.
	 */
	public StatementResult addForeignKey(String constraint, String table, String column, String refTable,
			String refColumn) {
		return addForeignKey(constraint, table, List.of(column), refTable, List.of(refColumn), null);
	}

	/**
	 * A foreign key over several columns; {@code actions} is trusted raw SQL such as
	 * {@code "ON DELETE CASCADE"}, or null. {@code refTable} is resolved like an
	 * unqualified name in SQL (the search path).
	 */
	public StatementResult addForeignKey(String constraint, String table, List<String> columns, String refTable,
			List<String> refColumns, @Nullable String actions) {
		return alter(table, "ADD CONSTRAINT " + Sql.quote(constraint, "constraint name") + " "
				+ foreignKeySql(columns, refTable, refColumns, actions));
	}

	/** {@code ALTER TABLE ... ADD CONSTRAINT <name> UNIQUE (<columns>)}. */
	public StatementResult addUnique(String constraint, String table, String... columns) {
		return alter(table, "ADD CONSTRAINT " + Sql.quote(constraint, "constraint name") + " UNIQUE ("
				+ Sql.columns(Arrays.asList(columns)) + ")");
	}

	/**
	 * {@code ALTER TABLE ... ADD CONSTRAINT <name> CHECK (<expression>)}; the expression
	 * is trusted raw SQL.
	 */
	public StatementResult addCheck(String constraint, String table, String expression) {
		return alter(table, "ADD CONSTRAINT " + Sql.quote(constraint, "constraint name") + " CHECK ("
				+ Sql.fragment(expression, "check expression") + ")");
	}

	/**
	 * {@code CREATE TYPE <type> AS ENUM (...)}; an equal enum is skipped, one with other
	 * labels is a conflict.
	 */
	public StatementResult createEnumType(String type, String... values) {
		if (values.length == 0) {
			throw new IllegalArgumentException("an enum type needs at least one value");
		}
		return execute("CREATE TYPE " + qualified(type, "type name") + " AS ENUM ("
				+ Arrays.stream(values).map((v) -> Sql.literal(v, "enum value")).collect(Collectors.joining(", "))
				+ ")");
	}

	/** {@code ALTER TYPE <type> ADD VALUE <value>}; a label already there is skipped. */
	public StatementResult addEnumValue(String type, String value) {
		return execute("ALTER TYPE " + qualified(type, "type name") + " ADD VALUE " + Sql.literal(value, "enum value"));
	}

	/**
	 * Runs one trusted SQL statement through the engine, exactly as if it were in an SQL
	 * migration.
	 */
	public StatementResult execute(String sql) {
		return this.run.execute(this.connection, Sql.fragment(sql, "sql"));
	}

	/**
	 * Runs the data statement {@code sql} only when {@code conditionSql} (a query
	 * returning one boolean) returns true, e.g. "some admin is not yet in the admin
	 * group". The condition is the guard: the statement runs as it is, with nothing
	 * reconciled by the engine. Either way the decision is recorded: APPLIED or SKIPPED
	 * with {@code description}.
	 */
	public StatementResult executeIf(String conditionSql, String sql, String description) {
		String condition = Sql.fragment(conditionSql, "condition sql");
		String statement = Sql.fragment(sql, "sql");
		String what = Objects.requireNonNull(description, "description");
		long start = System.nanoTime();
		String current = condition;
		try {
			boolean holds;
			try (Statement query = this.connection.createStatement(); ResultSet rs = query.executeQuery(condition)) {
				holds = rs.next() && rs.getBoolean(1);
			}
			if (!holds) {
				return this.run.recordDecision(statement, Outcome.SKIPPED, "condition false, not run: " + what, null,
						since(start));
			}
			current = statement;
			try (Statement update = this.connection.createStatement()) {
				update.execute(statement);
			}
			return this.run.recordDecision(statement, Outcome.APPLIED, "condition held, ran: " + what, null,
					since(start));
		}
		catch (SQLException ex) {
			StatementResult failed = this.run.recordDecision(current, Outcome.FAILED, what + ": " + ex.getMessage(),
					ex.getSQLState(), since(start));
			throw new StatementRejectedException(failed, ex);
		}
	}

	static String foreignKeySql(List<String> columns, String refTable, List<String> refColumns,
			@Nullable String actions) {
		if (columns.size() != refColumns.size()) {
			throw new IllegalArgumentException("a foreign key needs as many referenced columns as columns");
		}
		return "FOREIGN KEY (" + Sql.columns(columns) + ") REFERENCES " + Sql.quote(refTable, "referenced table name")
				+ " (" + Sql.columns(refColumns) + ")"
				+ ((actions != null) ? " " + Sql.fragment(actions, "actions") : "");
	}

	private StatementResult index(boolean unique, boolean concurrently, String index, String table, String[] columns) {
		if (concurrently) {
			requireAutocommit("CREATE INDEX CONCURRENTLY");
		}
		return execute("CREATE " + (unique ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
				+ Sql.quote(index, "index name") + " ON " + qualified(table, "table name") + " ("
				+ Sql.columns(Arrays.asList(columns)) + ")");
	}

	private StatementResult alter(String table, String action) {
		return execute("ALTER TABLE " + qualified(table, "table name") + " " + action);
	}

	private boolean constraint(String table, String constraint, String type) {
		return query("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class c"
				+ " ON c.oid = k.conrelid JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE " + IN_SCHEMA
				+ " AND c.relname = ? AND k.conname = ? AND (?::text IS NULL OR k.contype::text = ?::text))",
				this.schema, name(table, "table name"), name(constraint, "constraint name"), type, type);
	}

	private String qualified(String name, String what) {
		return new ObjectName(this.schema, Sql.identifier(name, what)).toSql();
	}

	private static String name(String name, String what) {
		return Sql.identifier(name, what);
	}

	private void requireAutocommit(String statement) {
		try {
			if (!this.connection.getAutoCommit()) {
				throw new IllegalStateException(statement + " cannot run inside a transaction: override "
						+ "canExecuteInTransaction() to return false in this migration");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not read the connection's autocommit mode", ex);
		}
	}

	private boolean query(String sql, String... parameters) {
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setString(i + 1, parameters[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Catalog query failed: " + ex.getMessage(), ex);
		}
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
