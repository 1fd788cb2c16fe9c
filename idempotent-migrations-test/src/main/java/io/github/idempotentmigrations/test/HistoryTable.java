package io.github.idempotentmigrations.test;

import io.github.idempotentmigrations.engine.sql.ObjectName;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.configuration.Configuration;
import org.jspecify.annotations.Nullable;

/**
 * Flyway's history table as the user's configuration names it.
 *
 * @param schema its schema, or null for the first schema on the search path
 * @param name its name
 */
record HistoryTable(@Nullable String schema, String name) {

	static HistoryTable of(Configuration configuration) {
		String schema = configuration.getDefaultSchema();
		if (schema == null && configuration.getSchemas().length > 0) {
			schema = configuration.getSchemas()[0];
		}
		return new HistoryTable(schema, configuration.getTable());
	}

	String sql() {
		return new ObjectName(this.schema, this.name).toSql();
	}

	boolean existsIn(TestDatabase database) {
		return Sql.single(database, "SELECT to_regclass('" + sql().replace("'", "''") + "') IS NOT NULL").equals("t");
	}
}
