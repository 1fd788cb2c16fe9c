package io.github.idempotentmigrations.flyway;

import java.sql.Connection;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments in schemas whose names need quotes (dots, double quotes, unicode, keywords):
 * the starter's own table is no drift, and a comment on the schema itself or on a table
 * in it, changed by hand, is.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class CommentSchemaNameReviewTests {

	@ParameterizedTest
	@ValueSource(strings = { "a.b", "say \"hi\"", "Ünïcødé", "select", "UPPER.Case\"x" })
	void theStartersOwnTableInASchemaNeedingQuotesIsNoDrift(String schema, TestDatabase db) throws Exception {
		on(db, "drift-if-not-exists", properties(schema)).run((context) -> {
			assertThat(context).hasNotFailed();
			Flyway flyway = context.getBean(Flyway.class);
			try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
				assertThat(ExpectedSchemaDrift.of(flyway, connection).orElseThrow()).isEmpty();
			}
		});
	}

	/**
	 * A comment on the schema, and on a table in it, changed by hand after the migration:
	 * both are drift (they are in the snapshot, unquoted names or not).
	 */
	@ParameterizedTest
	@ValueSource(strings = { "plain", "a.b", "say \"hi\"", "Ünïcødé" })
	void commentsChangedByHandInASchemaNeedingQuotesAreDrift(String schema, TestDatabase db) throws Exception {
		on(db, "drift-if-not-exists", properties(schema)).run((context) -> assertThat(context).hasNotFailed());
		String quoted = "\"" + schema.replace("\"", "\"\"") + "\"";
		db.execute("COMMENT ON SCHEMA " + quoted + " IS 'changed by hand'");
		db.execute("COMMENT ON TABLE " + quoted + ".notes IS 'changed by hand'");
		on(db, "drift-if-not-exists", properties(schema)).run((context) -> {
			Flyway flyway = context.getBean(Flyway.class);
			try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
				assertThat(ExpectedSchemaDrift.of(flyway, connection).orElseThrow().toString())
					.contains("changed by hand")
					.containsIgnoringCase("schema")
					.contains("notes");
			}
		});
	}

	private static String[] properties(String schema) {
		return new String[] { "idempotent-migrations.shadow.url=jdbc:postgresql://127.0.0.1:1/none",
				"spring.flyway.default-schema=" + schema, "spring.flyway.schemas=" + schema };
	}

}
