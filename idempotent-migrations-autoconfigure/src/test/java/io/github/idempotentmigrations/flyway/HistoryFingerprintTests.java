package io.github.idempotentmigrations.flyway;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The key an expected schema is stored under is read from the history's rows; it must be
 * the key earlier releases computed from Flyway's list of applied migrations, or every
 * database would take its stored expected schema for missing and build it again. Each
 * history here is written by plain Flyway.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class HistoryFingerprintTests {

	@TempDir
	Path scripts;

	@Test
	void schemaFlywayCreatedWithVersionedAndRepeatableMigrations(TestDatabase db) throws Exception {
		write("V1__first.sql", "CREATE TABLE a (id integer)");
		write("V1_1__dotted.sql", "CREATE TABLE b (id integer)");
		write("V2.0__zero.sql", "CREATE TABLE c (id integer)");
		write("R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1 AS one");
		assertSameKey(db, flyway(db, "made_by_flyway").load());
	}

	@Test
	void repeatableChangedOutOfOrderAndBaselined(TestDatabase db) throws Exception {
		db.execute("CREATE SCHEMA kept; CREATE TABLE kept.existing (id integer)");
		write("V3__three.sql", "CREATE TABLE kept.three (id integer)");
		write("V5__five.sql", "CREATE TABLE kept.five (id integer)");
		write("R__view.sql", "CREATE OR REPLACE VIEW kept.v AS SELECT 1 AS one");
		flyway(db, "kept").baselineOnMigrate(true).baselineVersion("2").load().migrate();
		write("V4__four.sql", "CREATE TABLE kept.four (id integer)");
		write("R__view.sql", "CREATE OR REPLACE VIEW kept.v AS SELECT 1 AS one, 2 AS two");
		assertSameKey(db, flyway(db, "kept").outOfOrder(true).load());
	}

	// Flyway's repair() marks a migration whose script is gone as deleted with a DELETE
	// row of its version: Flyway lists the deleted migration, never the DELETE row.
	@Test
	void migrationsRepairMarkedDeletedAndRepeatableDeleted(TestDatabase db) throws Exception {
		write("V1__first.sql", "CREATE TABLE a (id integer)");
		write("V2__second.sql", "CREATE TABLE b (id integer)");
		write("R__view.sql", "CREATE OR REPLACE VIEW v AS SELECT 1 AS one");
		flyway(db, "public").load().migrate();
		Files.delete(this.scripts.resolve("V1__first.sql"));
		Files.delete(this.scripts.resolve("R__view.sql"));
		flyway(db, "public").load().repair();
		assertThat(db.query("SELECT count(*) FROM flyway_schema_history WHERE type = 'DELETE' AND version = '1'"))
			.containsExactly("1");
		assertSameKey(db, flyway(db, "public").load());
	}

	// Flyway 5 and earlier wrote Spring JDBC migrations as SPRING_JDBC; Flyway 11, 12.11
	// and 13 read the row as a JDBC migration, Flyway 12.4 refuses the history (no key
	// to keep there).
	@Test
	void legacySpringJdbcRow(TestDatabase db) throws Exception {
		write("V1__first.sql", "CREATE TABLE a (id integer)");
		write("V3__third.sql", "CREATE TABLE c (id integer)");
		flyway(db, "public").load().migrate();
		db.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
				+ " installed_by, execution_time, success) VALUES (3, '2', 'spring', 'SPRING_JDBC',"
				+ " 'db.migration.V2__spring', NULL, current_user, 1, true)");
		Flyway flyway = flyway(db, "public").ignoreMigrationPatterns("*:missing").load();
		assumeTrue(readsTheHistory(flyway), "this Flyway refuses SPRING_JDBC history rows");
		assertSameKey(db, flyway);
	}

	private static boolean readsTheHistory(Flyway flyway) {
		try {
			flyway.info();
			return true;
		}
		catch (FlywayException ex) {
			return false;
		}
	}

	private void assertSameKey(TestDatabase db, Flyway flyway) throws SQLException {
		flyway.migrate();
		try (Connection connection = db.connect()) {
			MigratedSchemas schemas = MigratedSchemas.of(flyway.getConfiguration(), connection);
			MigrationInfoService info = flyway.info();
			assertThat(info.applied()).hasSizeGreaterThan(2);
			assertThat(AppliedMigrations.fingerprint(connection, schemas))
				.isEqualTo(earlierReleasesKey(info, connection));
		}
	}

	/** As releases before the history rows were read computed it. */
	private static String earlierReleasesKey(MigrationInfoService info, Connection connection) throws SQLException {
		StringBuilder text = new StringBuilder(
				"format 1, PostgreSQL " + connection.getMetaData().getDatabaseMajorVersion() + "\n");
		for (MigrationInfo migration : info.applied()) {
			if (!migration.getState().isFailed()) {
				text.append(migration.getType())
					.append('|')
					.append(migration.getVersion())
					.append('|')
					.append(migration.getDescription())
					.append('|')
					.append(migration.getAppliedChecksum())
					.append('\n');
			}
		}
		try {
			return HexFormat.of()
				.formatHex(
						MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private FluentConfiguration flyway(TestDatabase db, String schema) {
		return Flyway.configure().dataSource(db.dataSource()).schemas(schema).locations("filesystem:" + this.scripts);
	}

	private void write(String name, String sql) throws IOException {
		Files.writeString(this.scripts.resolve(name), sql, StandardCharsets.UTF_8);
	}

}
