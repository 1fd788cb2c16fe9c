package io.github.idempotentmigrations.flyway;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import io.github.idempotentmigrations.engine.StatementJournal;
import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.shadow.ExpectedSchemaStore;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * The schemas Flyway manages and where its history table lives, resolved the way Flyway
 * does: the default schema, else the first of {@code schemas}, else the connection's
 * current schema.
 *
 * @param names every managed schema, the history schema first
 * @param historySchema the schema of the history table
 * @param historyTable the history table's name
 */
record MigratedSchemas(List<String> names, String historySchema, String historyTable) {

	static MigratedSchemas of(Configuration configuration, Connection connection) throws SQLException {
		List<String> configured = List.of(configuration.getSchemas());
		String historySchema = (configuration.getDefaultSchema() != null) ? configuration.getDefaultSchema()
				: configured.isEmpty() ? currentSchema(connection) : configured.get(0);
		List<String> names = configured.contains(historySchema) ? configured
				: Stream.concat(Stream.of(historySchema), configured.stream()).toList();
		return new MigratedSchemas(names, historySchema, configuration.getTable());
	}

	String qualifiedHistoryTable() {
		return new ObjectName(this.historySchema, this.historyTable).toSql();
	}

	/** Where the expected schema is kept: a table beside the history, named after it. */
	ExpectedSchemaStore expectedSchema() {
		return new ExpectedSchemaStore(
				new ObjectName(this.historySchema, ExpectedSchemaStore.tableBeside(this.historyTable)).toSql());
	}

	/**
	 * Where the engine journals the committed statements of non-transactional migrations,
	 * beside the history.
	 */
	StatementJournal journal() {
		return new StatementJournal(new ObjectName(this.historySchema, this.historyTable + "_statements").toSql());
	}

	/** The schema unqualified names resolve to on this connection. */
	static String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT current_schema()")) {
			rs.next();
			return rs.getString(1);
		}
	}
}
