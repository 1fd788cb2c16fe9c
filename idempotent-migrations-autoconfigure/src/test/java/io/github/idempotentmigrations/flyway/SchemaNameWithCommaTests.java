package io.github.idempotentmigrations.flyway;

import java.sql.Connection;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A schema whose name holds a comma ({@code "acme,inc"}, a tenant named by a query) is
 * one schema: its expected and live schemas never read the schemas {@code acme} and
 * {@code inc}.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class SchemaNameWithCommaTests {

	private static final String[] ACME_INC = { "idempotent-migrations.shadow.url=jdbc:postgresql://127.0.0.1:1/none",
			"spring.flyway.default-schema=acme,inc" };

	@Test
	void anotherSchemaNamedByPartOfTheNameIsNotRead(TestDatabase db) throws Exception {
		db.execute("CREATE SCHEMA acme");
		db.execute("CREATE TABLE acme.bystander (id int)");
		on(db, "drift-if-not-exists", ACME_INC).run((context) -> assertThat(context).hasNotFailed());
		db.execute("CREATE TABLE acme.added_later (id int)");
		db.execute("COMMENT ON TABLE \"acme,inc\".notes IS 'changed by hand'");
		on(db, "drift-if-not-exists", ACME_INC).run((context) -> {
			assertThat(context).hasNotFailed();
			Flyway flyway = context.getBean(Flyway.class);
			try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
				assertThat(ExpectedSchemaDrift.of(flyway, connection).orElseThrow().toString())
					.contains("changed by hand")
					.doesNotContain("bystander")
					.doesNotContain("added_later");
			}
		});
		assertThat(db.query("SELECT DISTINCT name FROM \"acme,inc\".flyway_schema_history_expected"
				+ " WHERE name LIKE '%bystander%' OR name LIKE '%added_later%'"))
			.isEmpty();
	}

}
