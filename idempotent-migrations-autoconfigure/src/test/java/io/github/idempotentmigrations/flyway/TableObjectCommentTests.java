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
 * Comments on a table's triggers, rules and policies are part of the expected schema: one
 * changed by hand is drift, named with its object.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class TableObjectCommentTests {

	@Test
	void commentsOnTriggersRulesAndPoliciesChangedByHandAreDrift(TestDatabase db) throws Exception {
		on(db, "table-object-comments").run((context) -> assertThat(context).hasNotFailed());
		assertThat(db.query("SELECT name FROM flyway_schema_history_expected WHERE kind = 'COMMENT' ORDER BY name"))
			.contains("policy orders_by_owner on public.orders", "rule orders_no_delete on public.orders",
					"trigger orders_touch on public.orders");
		db.execute("COMMENT ON TRIGGER orders_touch ON orders IS 'changed by hand'");
		db.execute("COMMENT ON RULE orders_no_delete ON orders IS 'changed by hand'");
		db.execute("COMMENT ON POLICY orders_by_owner ON orders IS 'changed by hand'");
		on(db, "table-object-comments").run((context) -> {
			assertThat(context).hasNotFailed();
			Flyway flyway = context.getBean(Flyway.class);
			try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
				assertThat(ExpectedSchemaDrift.of(flyway, connection).orElseThrow().toString()).contains(
						"trigger orders_touch on public.orders", "rule orders_no_delete on public.orders",
						"policy orders_by_owner on public.orders");
			}
		});
	}

}
