package io.github.idempotentmigrations.javamigration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.github.idempotentmigrations.engine.EngineSettings;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.flyway.IdempotentStatementCallback;
import io.github.idempotentmigrations.flyway.MigrationRunTracker;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed story 004 (groups and user_groups, admin users migrated into the admin group only
 * once) written as Java migrations: converges on an empty database, after losing the
 * history table, and on drifted databases.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class SeedStory004JavaMigrationTests {

	private static final String SEED_USERS = "INSERT INTO users (email, role) VALUES ('ann@example.com', 'admin'),"
			+ " ('bob@example.com', 'user'), ('cy@example.com', 'admin')";

	@Test
	void runTwiceAfterLosingHistoryKeepsCatalogAndRows(TestDatabase database) {
		MigrationRunTracker runs = tracker();
		migrateUsersThenSeed(database, runs);
		flyway(database, runs).migrate();
		DatabaseSnapshot first = DatabaseSnapshot.of(database);
		assertThat(count(database, "SELECT count(*) FROM user_groups")).isEqualTo(2);
		assertThat(statements(runs, "2")).extracting(StatementResult::outcome)
			.containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED);

		database.execute("DROP TABLE flyway_schema_history");
		flyway(database, runs, true).migrate();

		assertThat(DatabaseSnapshot.of(database).catalog()).isEqualTo(first.catalog());
		assertThat(DatabaseSnapshot.of(database).userRows()).isEqualTo(first.userRows());
		assertThat(runs.lastResults()).extracting(MigrationResult::version).containsExactly("1", "2");
		assertThat(runs.lastResults().stream().flatMap((m) -> m.statements().stream()))
			.allMatch((s) -> s.outcome() == Outcome.SKIPPED);
		assertThat(statements(runs, "2")).last()
			.satisfies((s) -> assertThat(s.reason()).contains("migrating admin users to admin group"));
	}

	@Test
	void driftedDatabaseWithGroupsButNoUserGroupsConverges(TestDatabase database) {
		DatabaseSnapshot expected = freshlyMigrated();
		MigrationRunTracker runs = tracker();
		migrateUsersThenSeed(database, runs);
		// created by hand, as the story's init_db.py did: groups with the admin group, no
		// user_groups
		database.execute("""
				CREATE TABLE groups (id serial PRIMARY KEY, name varchar(50) NOT NULL UNIQUE, description text);
				INSERT INTO groups (name, description) VALUES ('admin', 'Administrators'), ('user', 'Regular users');
				""");

		flyway(database, runs).migrate();

		assertThat(DatabaseSnapshot.of(database).catalog()).isEqualTo(expected.catalog());
		assertThat(DatabaseSnapshot.of(database).userRows()).isEqualTo(expected.userRows());
		assertThat(statements(runs, "2")).extracting(StatementResult::outcome)
			.containsExactly(Outcome.SKIPPED, Outcome.APPLIED, Outcome.SKIPPED, Outcome.APPLIED);
	}

	@Test
	void driftedDatabaseWithSomeAdminsAlreadyInTheGroupAddsOnlyTheMissingOnes(TestDatabase database) {
		DatabaseSnapshot expected = freshlyMigrated();
		MigrationRunTracker runs = tracker();
		migrateUsersThenSeed(database, runs);
		database.execute("""
				CREATE TABLE groups (id serial PRIMARY KEY, name varchar(50) NOT NULL UNIQUE, description text);
				INSERT INTO groups (name, description) VALUES ('admin', 'Administrators'), ('user', 'Regular users');
				CREATE TABLE user_groups (
				    user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
				    group_id integer NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
				    PRIMARY KEY (user_id, group_id));
				INSERT INTO user_groups SELECT u.id, g.id FROM users u, groups g
				WHERE u.email = 'ann@example.com' AND g.name = 'admin';
				""");

		flyway(database, runs).migrate();

		assertThat(DatabaseSnapshot.of(database).catalog()).isEqualTo(expected.catalog());
		assertThat(DatabaseSnapshot.of(database).userRows()).isEqualTo(expected.userRows());
		assertThat(count(database, "SELECT count(*) FROM user_groups")).isEqualTo(2);
		assertThat(statements(runs, "2")).extracting(StatementResult::outcome)
			.containsExactly(Outcome.SKIPPED, Outcome.SKIPPED, Outcome.SKIPPED, Outcome.APPLIED);
	}

	@Test
	void worksWithPlainFlywayWithoutTheStarter(TestDatabase database) {
		Flyway plain = configure(database).load();
		plain.migrate();
		database.execute(SEED_USERS);
		database.execute("DROP TABLE flyway_schema_history");
		configure(database).baselineOnMigrate(true).baselineVersion("0").load().migrate();
		configure(database).load().migrate();
		assertThat(count(database, "SELECT count(*) FROM user_groups")).isEqualTo(2);
		assertThat(count(database, "SELECT count(*) FROM groups")).isEqualTo(2);
		assertThat(MigrationRunTracker.activeRun()).isEmpty();
	}

	private static DatabaseSnapshot freshlyMigrated() {
		try (TestDatabase fresh = TestDatabase.create()) {
			MigrationRunTracker runs = tracker();
			migrateUsersThenSeed(fresh, runs);
			flyway(fresh, runs).migrate();
			return DatabaseSnapshot.of(fresh);
		}
	}

	private static void migrateUsersThenSeed(TestDatabase database, MigrationRunTracker runs) {
		withEngine(configure(database).target("1"), runs).migrate();
		database.execute(SEED_USERS);
	}

	private static MigrationRunTracker tracker() {
		return new MigrationRunTracker(EngineSettings.defaults());
	}

	private static Flyway flyway(TestDatabase database, MigrationRunTracker runs) {
		return flyway(database, runs, false);
	}

	private static Flyway flyway(TestDatabase database, MigrationRunTracker runs, boolean baseline) {
		FluentConfiguration configuration = configure(database);
		if (baseline) {
			configuration.baselineOnMigrate(true).baselineVersion("0");
		}
		return withEngine(configuration, runs);
	}

	private static FluentConfiguration configure(TestDatabase database) {
		return Flyway.configure()
			.dataSource(database.jdbcUrl(), database.user(), database.password())
			.locations("classpath:javamigration/none")
			.javaMigrations(new V1__create_users(), new V2__add_groups_and_user_groups());
	}

	private static Flyway withEngine(FluentConfiguration configuration, MigrationRunTracker runs) {
		configuration.callbacks(new IdempotentStatementCallback(runs));
		configuration.getPluginRegister().getExact(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
		return configuration.load();
	}

	private static List<StatementResult> statements(MigrationRunTracker runs, String version) {
		return runs.lastResults()
			.stream()
			.filter((m) -> version.equals(m.version()))
			.findFirst()
			.orElseThrow()
			.statements();
	}

	static long count(TestDatabase database, String sql) {
		try (Connection connection = database.connect();
				ResultSet rs = connection.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The users table the story starts from, written without the base class. */
	static class V1__create_users extends BaseJavaMigration {

		@Override
		public void migrate(Context context) {
			IdempotentOperations.of(context)
				.createTable("users",
						(t) -> t.column("id", "serial")
							.column("email", "varchar(255)", (c) -> c.notNull().unique())
							.column("role", "varchar(20)", (c) -> c.notNull().defaultTo("'user'"))
							.primaryKey("id"));
		}

	}

	/** The story's migration 008, as its author wanted it to behave. */
	static class V2__add_groups_and_user_groups extends IdempotentJavaMigration {

		@Override
		protected void migrate(IdempotentOperations ops) {
			ops.createTable("groups",
					(t) -> t.column("id", "serial")
						.column("name", "varchar(50)", (c) -> c.notNull().unique())
						.column("description", "text")
						.primaryKey("id"));
			ops.createTable("user_groups",
					(t) -> t.column("user_id", "integer", (c) -> c.notNull())
						.column("group_id", "integer", (c) -> c.notNull())
						.primaryKey("user_id", "group_id")
						.foreignKey("user_groups_user_id_fkey", "user_id", "users", "id", "ON DELETE CASCADE")
						.foreignKey("user_groups_group_id_fkey", "group_id", "groups", "id", "ON DELETE CASCADE"));
			ops.executeIf("SELECT count(*) < 2 FROM groups WHERE name IN ('admin', 'user')", """
					INSERT INTO groups (name, description) VALUES ('admin', 'Administrators'), ('user', 'Regular users')
					ON CONFLICT (name) DO NOTHING""", "creating the admin and user groups");
			ops.executeIf("""
					SELECT count(*) > 0 FROM users u CROSS JOIN groups g
					WHERE u.role = 'admin' AND g.name = 'admin'
					AND NOT EXISTS (SELECT 1 FROM user_groups ug WHERE ug.user_id = u.id AND ug.group_id = g.id)""", """
					INSERT INTO user_groups (user_id, group_id)
					SELECT u.id, g.id FROM users u CROSS JOIN groups g
					WHERE u.role = 'admin' AND g.name = 'admin'
					AND NOT EXISTS (SELECT 1 FROM user_groups ug WHERE ug.user_id = u.id AND ug.group_id = g.id)""",
					"migrating admin users to admin group");
		}

	}

}
