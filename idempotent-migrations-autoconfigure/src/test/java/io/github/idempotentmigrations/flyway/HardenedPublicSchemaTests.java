package io.github.idempotentmigrations.flyway;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import io.github.idempotentmigrations.shadow.Drift;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static io.github.idempotentmigrations.flyway.MigratingApplication.onLocation;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations of schema {@code app} that put a function into {@code public}, on a database
 * whose {@code public} is hardened (no privileges for PUBLIC): the privileges and comment
 * of {@code public} itself are the database's, not the migrations'. Adoption never grants
 * on it, and it is no drift.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class HardenedPublicSchemaTests {

	private static final String MIGRATION = "CREATE TABLE app.t (id int);"
			+ " CREATE FUNCTION public.app_version() RETURNS int LANGUAGE sql AS 'SELECT 1';";

	private static final String ACL = "SELECT coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = 'public'";

	@TempDir
	Path folder;

	@Test
	void adoptionLeavesAHardenedPublicSchemaAsItIs(TestDatabase db) throws IOException {
		db.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC; CREATE SCHEMA app; CREATE TABLE app.t (id int);"
				+ " CREATE FUNCTION public.app_version() RETURNS int LANGUAGE sql AS 'SELECT 1'");
		String before = db.query(ACL).get(0);
		onLocation(db, location(), "spring.flyway.schemas=app").run((context) -> assertThat(context).hasNotFailed());
		assertThat(db.query(ACL)).containsExactly(before);
	}

	@Test
	void aHardenedPublicSchemaIsNoDrift(TestDatabase db) throws Exception {
		db.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
		Flyway.configure()
			.dataSource(db.dataSource())
			.locations(location())
			.schemas("app")
			.configuration(Map.of("flyway.postgresql.transactional.lock", "false"))
			.load()
			.migrate();
		onLocation(db, location(), "spring.flyway.schemas=app").run((context) -> {
			assertThat(context).hasNotFailed();
			Flyway flyway = context.getBean(Flyway.class);
			try (Connection connection = flyway.getConfiguration().getDataSource().getConnection()) {
				assertThat(ExpectedSchemaDrift.of(flyway, connection).orElseThrow()).noneMatch(Drift::departs);
			}
		});
	}

	private String location() throws IOException {
		Files.writeString(this.folder.resolve("V1__app.sql"), MIGRATION);
		return "filesystem:" + this.folder;
	}

}
