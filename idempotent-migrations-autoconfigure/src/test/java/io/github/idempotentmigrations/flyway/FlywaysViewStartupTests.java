package io.github.idempotentmigrations.flyway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.flyway.MigratingApplication.failure;
import static io.github.idempotentmigrations.flyway.MigratingApplication.on;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The starter sees the database as Flyway does: a schema Flyway calls empty takes the
 * first-run path, and every bookkeeping read and write goes through a session set up by
 * Flyway's init SQL.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class FlywaysViewStartupTests {

	private static final String SEARCH_PATH_APP = "spring.flyway.init-sqls=SET search_path TO app";

	@Test
	void anExtensionInstalledAheadLeavesTheSchemaEmptyAsFlywaySeesIt(TestDatabase db) {
		db.execute("CREATE EXTENSION pgcrypto"); // as managed services have it installed
		String plainFlywayCatalog;
		try (TestDatabase reference = TestDatabase.create()) {
			reference.execute("CREATE EXTENSION pgcrypto");
			Flyway.configure()
				.dataSource(reference.dataSource())
				.locations("classpath:db/startup/default-privileges")
				.load()
				.migrate();
			plainFlywayCatalog = String.join("\n", defaultPrivilegesAndCatalog(reference));
		}

		on(db, "default-privileges").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.repairs()).isEmpty();
			assertThat(report.migrations()).extracting((m) -> m.version()).containsExactly("1", "2");
		});

		assertThat(String.join("\n", defaultPrivilegesAndCatalog(db))).isEqualTo(plainFlywayCatalog);
	}

	@Test
	void aFailedRowIsFoundWhereFlywaysInitSqlPutTheHistory(TestDatabase db) {
		db.execute("CREATE SCHEMA app");
		Flyway plain = Flyway.configure()
			.dataSource(db.dataSource())
			.locations("classpath:db/startup/concurrent-index")
			.initSql("SET search_path TO app")
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.target("1")
			.load();
		plain.migrate();
		db.execute("INSERT INTO app.accounts VALUES (99, (SELECT email FROM app.accounts LIMIT 1))");
		assertThatExceptionOfType(FlywayException.class)
			.isThrownBy(() -> Flyway.configure().configuration(plain.getConfiguration()).target("2").load().migrate());
		db.execute("DELETE FROM app.accounts WHERE id = 99");

		on(db, "concurrent-index", SEARCH_PATH_APP).run((context) -> assertThat(context).hasNotFailed());

		assertThat(db.query("SELECT version || ':' || success FROM app.flyway_schema_history"
				+ " WHERE version IS NOT NULL ORDER BY installed_rank"))
			.containsExactly("1:true", "2:true");
		assertThat(db.query("SELECT to_regclass('public.flyway_schema_history') IS NULL")).containsExactly("t");
	}

	@Test
	void theExpectedSchemaIsRecordedFromTheSchemaFlywayMigrates(TestDatabase db) {
		db.execute("CREATE SCHEMA app");
		on(db, "two-migrations", SEARCH_PATH_APP).run((context) -> assertThat(context).hasNotFailed());
		db.execute("ALTER TABLE app.accounts DROP COLUMN nickname");

		on(db, "two-migrations", SEARCH_PATH_APP, "idempotent-migrations.repair.drift=fail")
			.run((context) -> assertThat(failure(context).getMessage()).contains("nickname"));
	}

	private static List<String> defaultPrivilegesAndCatalog(TestDatabase db) {
		List<String> rows = new ArrayList<>(db.query(
				"SELECT defaclobjtype::text || ':' || array_to_string(defaclacl, ',') FROM pg_default_acl ORDER BY 1"));
		rows.addAll(DatabaseSnapshot.catalogOf(db));
		return rows;
	}

}
