package io.github.idempotentmigrations.actuate;

import java.util.Map;

import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsActuatorAutoConfiguration;
import io.github.idempotentmigrations.autoconfigure.IdempotentMigrationsAutoConfiguration;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.github.idempotentmigrations.flyway.MigratingApplication.plainFlyway;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health says whether drift is checked: "drift": [] alone would read as "checked, nothing
 * drifted" also when no expected schema could be built (a production role without
 * CREATEDB and no reserved shadow).
 */
@ExtendWith(PostgresDatabaseExtension.class)
class DriftCheckedHealthTests {

	@Test
	void saysDriftIsCheckedWhenAnExpectedSchemaIsStored(TestDatabase db) {
		columnAddedByHandBeforeV2(db);
		application(db, db.user(), db.password()).run((context) -> {
			Map<String, Object> details = health(context.getBean(SchemaHealthIndicator.class));
			assertThat(details).containsEntry("state", SchemaStatus.State.CONVERGED)
				.containsEntry("driftChecked", true)
				.doesNotContainKey("driftNotChecked");
		});
	}

	@Test
	void saysWhyDriftIsNotCheckedWithoutAShadow(TestDatabase db) {
		columnAddedByHandBeforeV2(db);
		String role = "im_nocreatedb_" + db.name().substring(db.name().length() - 8);
		db.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB PASSWORD 'app'; GRANT CREATE ON DATABASE " + db.name()
				+ " TO " + role + "; GRANT USAGE, CREATE ON SCHEMA public TO " + role
				+ "; ALTER TABLE accounts OWNER TO " + role + "; ALTER TABLE flyway_schema_history OWNER TO " + role);
		try {
			application(db, role, "app").run((context) -> {
				Map<String, Object> details = health(context.getBean(SchemaHealthIndicator.class));
				assertThat(details).containsEntry("state", SchemaStatus.State.CONVERGED)
					.containsEntry("driftChecked", false);
				assertThat(details.get("driftNotChecked")).asString()
					.contains("no expected schema", "ALTER ROLE " + role + " CREATEDB",
							"idempotent-migrations.shadow.url");
			});
		}
		finally {
			db.execute("REASSIGN OWNED BY " + role + " TO " + db.user() + "; DROP OWNED BY " + role + "; DROP ROLE "
					+ role);
		}
	}

	/**
	 * V2 then meets its column already there: the run skips a statement, so only a shadow
	 * can say what is expected.
	 */
	private static void columnAddedByHandBeforeV2(TestDatabase db) {
		plainFlyway(db, "two-migrations", "1");
		db.execute("ALTER TABLE accounts ADD COLUMN nickname text");
	}

	private static ApplicationContextRunner application(TestDatabase db, String user, String password) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
					IdempotentMigrationsAutoConfiguration.class, IdempotentMigrationsActuatorAutoConfiguration.class))
			.withPropertyValues("spring.flyway.locations=classpath:db/startup/two-migrations",
					"spring.datasource.url=" + db.jdbcUrl(), "spring.datasource.username=" + user,
					"spring.datasource.password=" + password);
	}

	private static Map<String, Object> health(SchemaHealthIndicator indicator) {
		return indicator.health(true).getDetails();
	}

}
