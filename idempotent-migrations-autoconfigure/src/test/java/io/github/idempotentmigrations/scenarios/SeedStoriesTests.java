package io.github.idempotentmigrations.scenarios;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.engine.report.MigrationReport;
import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.RepairAction;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.flyway.MigratingApplication;
import io.github.idempotentmigrations.flyway.MigrationReportStore;
import io.github.idempotentmigrations.testsupport.DatabaseSnapshot;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.count;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.history;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.migrate;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.migration;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.plain;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.query;
import static io.github.idempotentmigrations.scenarios.ScenarioFlyway.starter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each story in {@code seeds/}: the drifted database its authors met, the migration as
 * they first wrote it (no existence checks), plain Flyway failing the way they failed,
 * and the engine converging with rows kept.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class SeedStoriesTests {

	// --- seed 000: DuplicateColumn "last_message_at" of relation "ai_chat_sessions"
	// -----------------------------

	@Test
	void seed000HandAddedColumnAndTablesConvergeWithoutEditingTheMigration(TestDatabase db) {
		plainFlywayV1(db, "seed000");
		handFixes000(db);

		List<MigrationResult> results = migrate(db, "seed000");

		List<StatementResult> v2 = migration(results, "2").statements();
		assertThat(v2).extracting(StatementResult::outcome)
			// starred, archived, last_message_at
			.containsExactly(Outcome.APPLIED, Outcome.APPLIED, Outcome.SKIPPED,
					// tags as written; session_tags missing its primary key
					Outcome.SKIPPED, Outcome.RECONCILED,
					// the four absent tables
					Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED, Outcome.APPLIED,
					// content search index absent, title index present
					Outcome.APPLIED, Outcome.SKIPPED);
		assertThat(v2.get(2).object()).isEqualTo("public.ai_chat_sessions.last_message_at");
		assertThat(query(db,
				"SELECT column_name FROM information_schema.columns WHERE table_name = 'ai_chat_sessions'"
						+ " ORDER BY ordinal_position"))
			.containsExactly("id", "user_id", "title", "created_at", "last_message_at", "starred", "archived");
		assertThat(query(db,
				"SELECT pg_get_constraintdef(oid) FROM pg_constraint"
						+ " WHERE conrelid = 'session_tags'::regclass AND contype = 'p'"))
			.containsExactly("PRIMARY KEY (session_id, tag_id)");
		assertValidIndexes(db, "idx_message_content_search", "idx_session_title_search");
		assertThat(history(db)).containsExactly("1:SQL:true", "2:SQL:true");
		// preserved rows: the hand-set last_message_at and the tags users created
		// meanwhile
		assertThat(query(db,
				"SELECT title || ':' || last_message_at::date || ':' || starred FROM ai_chat_sessions"
						+ " ORDER BY id"))
			.containsExactly("Budget plan:2025-10-01:false", "Trip to Rome:2025-10-02:false");
		assertThat(count(db, "SELECT count(*) FROM tags")).isEqualTo(2);
		assertThat(count(db, "SELECT count(*) FROM session_tags")).isEqualTo(1);
		assertThat(count(db, "SELECT count(*) FROM ai_chat_messages")).isEqualTo(2);
	}

	@Test
	void seed000PlainFlywayFailsWithDuplicateColumn(TestDatabase db) {
		plainFlywayV1(db, "seed000");
		handFixes000(db);

		assertThatThrownBy(() -> plain(db, "seed000").migrate()).isInstanceOf(FlywayException.class)
			.hasMessageContaining("column \"last_message_at\" of relation \"ai_chat_sessions\" already exists");
	}

	private static void handFixes000(TestDatabase db) {
		db.execute("""
				INSERT INTO ai_chat_sessions (user_id, title) VALUES (1, 'Budget plan'), (2, 'Trip to Rome');
				INSERT INTO ai_chat_messages (session_id, role, content) VALUES (1, 'user', 'hello'), (2, 'user', 'hi');
				ALTER TABLE ai_chat_sessions ADD COLUMN last_message_at timestamp;
				UPDATE ai_chat_sessions SET last_message_at = DATE '2025-10-01' + (id - 1);
				CREATE TABLE tags (
				    id serial PRIMARY KEY,
				    user_id integer NOT NULL,
				    name varchar(50) NOT NULL,
				    color varchar(7),
				    created_at timestamp NOT NULL DEFAULT now(),
				    CONSTRAINT uq_tags_user_name UNIQUE (user_id, name)
				);
				CREATE TABLE session_tags (
				    session_id integer NOT NULL REFERENCES ai_chat_sessions (id) ON DELETE CASCADE,
				    tag_id integer NOT NULL REFERENCES tags (id) ON DELETE CASCADE
				);
				CREATE INDEX idx_session_title_search ON ai_chat_sessions USING gin (to_tsvector('english', title));
				INSERT INTO tags (user_id, name) VALUES (1, 'work'), (2, 'travel');
				INSERT INTO session_tags VALUES (1, 1);
				""");
	}

	// --- seed 001: DuplicateColumn "updated_at" of relation "player_wellness_state"
	// ---------------------------

	@Test
	void seed001HandAddedUpdatedAtIsSkippedAndRowsKept(TestDatabase db) {
		plainFlywayV1(db, "seed001");
		handFixes001(db);

		List<MigrationResult> results = migrate(db, "seed001");

		StatementResult add = migration(results, "2").statements().get(0);
		assertThat(add.outcome()).isEqualTo(Outcome.SKIPPED);
		assertThat(add.object()).isEqualTo("public.player_wellness_state.updated_at");
		assertThat(query(db, "SELECT format_type(atttypid, atttypmod) || ' notnull=' || attnotnull"
				+ " FROM pg_attribute WHERE attrelid = 'player_wellness_state'::regclass AND attname = 'updated_at'"))
			.containsExactly("timestamp without time zone notnull=true");
		assertThat(history(db)).containsExactly("1:SQL:true", "2:SQL:true");
		assertThat(
				query(db,
						"SELECT player_id || ':' || mood_score || ':' || updated_at FROM player_wellness_state"
								+ " ORDER BY id"))
			.containsExactly("7:40:2025-11-01 08:00:00", "8:65:2025-11-01 09:00:00");
	}

	@Test
	void seed001PlainFlywayFailsWithDuplicateColumn(TestDatabase db) {
		plainFlywayV1(db, "seed001");
		handFixes001(db);

		assertThatThrownBy(() -> plain(db, "seed001").migrate()).isInstanceOf(FlywayException.class)
			.hasMessageContaining("column \"updated_at\" of relation \"player_wellness_state\" already exists");
	}

	private static void handFixes001(TestDatabase db) {
		db.execute(
				"""
						INSERT INTO player_wellness_state (player_id, mood_score) VALUES (7, 40), (8, 65);
						ALTER TABLE player_wellness_state ADD COLUMN updated_at timestamp NOT NULL DEFAULT now();
						UPDATE player_wellness_state SET updated_at = TIMESTAMP '2025-11-01 07:00' + player_id * INTERVAL '1 hour' - INTERVAL '6 hours';
						""");
	}

	// --- seed 002: "table already exists" on a restored dump; users.password,
	// content.project_id missing --------

	private static void restoredDump002(TestDatabase db, boolean withUsers) {
		db.execute("""
				CREATE TABLE users (
				    id varchar PRIMARY KEY NOT NULL,
				    email varchar NOT NULL,
				    created_at timestamp DEFAULT now(),
				    CONSTRAINT users_email_unique UNIQUE (email)
				);
				CREATE TABLE content (
				    id serial PRIMARY KEY NOT NULL,
				    user_id varchar NOT NULL,
				    title varchar NOT NULL,
				    body text,
				    created_at timestamp DEFAULT now()
				);
				""");
		if (withUsers) {
			db.execute("INSERT INTO users (id, email) VALUES ('u1', 'ann@example.com'), ('u2', 'bob@example.com');"
					+ "INSERT INTO content (user_id, title) VALUES ('u1', 'Day 1'), ('u1', 'Day 2'), ('u2', 'Intro');");
		}
	}

	@Test
	void seed002RestoredDumpIsAdoptedAndMissingColumnsAreAdded(TestDatabase db) {
		// a schema-only restore: users.password can be added NOT NULL because no row
		// needs a value for it
		restoredDump002(db, false);

		starter(db, "seed002").run((context) -> {
			assertThat(context).hasNotFailed();
			MigrationReport report = context.getBean(MigrationReportStore.class).last().orElseThrow();
			assertThat(report.repairs()).extracting(RepairAction::kind)
				.containsExactly(RepairAction.Kind.UNHISTORIED_SCHEMA);
			assertThat(report.repairs().get(0).action()).contains("created column public.users.password",
					"created column public.content.project_id");
			// Adopted through the shadow: no statement of the story's migrations ran
			// against the dump.
			assertThat(report.migrations()).isEmpty();
		});

		assertThat(query(db,
				"SELECT table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable"
						+ " FROM information_schema.columns WHERE column_name IN ('password', 'project_id')"
						+ " AND table_name IN ('users', 'content') ORDER BY 1"))
			.containsExactly("content.project_id integer YES", "users.password text NO");
		assertThat(history(db)).containsExactly("1:SQL:true", "2:SQL:true");
		db.execute("INSERT INTO users VALUES ('u1', 'ann@example.com', now(), 'hash');"
				+ "INSERT INTO content (user_id, project_id, title) VALUES ('u1', NULL, 'Day 1')");
	}

	@Test
	void seed002PopulatedUsersStopWithAPreciseExplanationAndChangeNothing(TestDatabase db) {
		// "password TEXT NOT NULL" cannot be added to users that have rows without
		// inventing a password (the story's authors invented
		// 'temp_password_needs_reset'): adoption refuses and the dump is left as it was.
		restoredDump002(db, true);
		List<String> before = DatabaseSnapshot.catalogOf(db);

		starter(db, "seed002").run((context) -> assertThat(MigratingApplication.failure(context).getMessage())
			.contains("users", "password"));

		assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(before);
		assertThat(count(db, "SELECT count(*) FROM users")).isEqualTo(2);
		assertThat(count(db, "SELECT count(*) FROM content")).isEqualTo(3);
	}

	@Test
	void seed002PlainFlywayFailsWithTableAlreadyExists(TestDatabase db) {
		restoredDump002(db, true);

		assertThatThrownBy(() -> plain(db, "seed002").migrate()).isInstanceOf(FlywayException.class)
			.hasMessageContaining("non-empty schema");
		// and with a baseline, as its authors tried next, the first CREATE TABLE fails
		assertThatThrownBy(() -> ScenarioFlyway.configure(db, "seed002")
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate()).isInstanceOf(FlywayException.class).hasMessageContaining("relation \"users\" already exists");
	}

	// --- seed 003: "column chats.last_message_at does not exist": V2 never ran in
	// production ------------------

	@Test
	void seed003PendingMigrationRunsBeforeTheAppQueriesTheColumn(TestDatabase db) throws Exception {
		plainFlywayV1(db, "seed003");
		db.execute("""
				INSERT INTO bots (name) VALUES ('helper');
				INSERT INTO chats (bot_id, telegram_chat_id) VALUES (1, 1001), (1, 1002);
				INSERT INTO messages (chat_id, text) VALUES (1, 'hi'), (2, 'yo');
				""");
		// The story's failure: the deployment never ran migrations, so the app's first
		// query failed. Plain Flyway would have applied V2 too; what failed was not
		// running it. With the starter, migrate() is part of startup.
		assertThatThrownBy(() -> appQuery(db)).isInstanceOf(SQLException.class)
			.hasMessageContaining("column c.last_message_at does not exist");

		List<MigrationResult> results = migrate(db, "seed003");

		assertThat(results).extracting(MigrationResult::version).containsExactly("2");
		assertThat(migration(results, "2").statements()).extracting(StatementResult::outcome)
			.containsExactly(Outcome.APPLIED, Outcome.APPLIED);
		assertValidIndexes(db, "ix_chats_last_message_at");
		assertThat(history(db)).containsExactly("1:SQL:true", "2:SQL:true");
		assertThat(appQuery(db)).isEqualTo(2);
		assertThat(count(db, "SELECT count(*) FROM messages")).isEqualTo(2);
	}

	@Test
	void seed003QuickFixAppliedByHandThenTheMigrationShipsTwice(TestDatabase db) throws Exception {
		// MIGRATION_QUICK_FIX: someone adds the column by hand to stop the outage; the
		// next deploy runs V2.
		plainFlywayV1(db, "seed003");
		db.execute("ALTER TABLE chats ADD COLUMN last_message_at timestamptz;");
		assertThatThrownBy(() -> plain(db, "seed003").migrate()).isInstanceOf(FlywayException.class)
			.hasMessageContaining("column \"last_message_at\" of relation \"chats\" already exists");

		List<MigrationResult> results = migrate(db, "seed003");

		assertThat(migration(results, "2").statements()).extracting(StatementResult::outcome)
			.containsExactly(Outcome.SKIPPED, Outcome.APPLIED);
		assertValidIndexes(db, "ix_chats_last_message_at");
		assertThat(appQuery(db)).isZero();
		// and again: restarts and replicas see nothing pending
		assertThat(migrate(db, "seed003")).isEmpty();
	}

	private static long appQuery(TestDatabase db) throws SQLException {
		try (Connection connection = db.connect();
				var rs = connection.createStatement()
					.executeQuery("SELECT count(*) FROM chats c ORDER BY count(c.last_message_at) DESC")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	// --- seed 004: groups / user_groups partly created by init_db.py; admin users into
	// the admin group once ----

	private static void initDbCreatedGroups004(TestDatabase db, boolean seededGroups) {
		db.execute("""
				INSERT INTO users (email, role) VALUES ('root@example.com', 'admin'), ('amy@example.com', 'user'),
				    ('ops@example.com', 'admin');
				-- init_db.py (create_all) created the tables, without user_groups' primary key
				CREATE TABLE groups (
				    id serial PRIMARY KEY,
				    name varchar(50) NOT NULL UNIQUE,
				    description text
				);
				CREATE TABLE user_groups (
				    user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
				    group_id integer NOT NULL REFERENCES groups (id) ON DELETE CASCADE
				);
				-- and a hand-added api_key, as in 58546d11f1b5's story
				ALTER TABLE users ADD COLUMN api_key varchar(255) UNIQUE;
				UPDATE users SET api_key = 'key-' || id WHERE role = 'admin';
				""");
		if (seededGroups) {
			db.execute(
					"""
							INSERT INTO groups (name, description) VALUES ('admin', 'Administrators'), ('user', 'Regular users');
							INSERT INTO user_groups SELECT u.id, g.id FROM users u, groups g
							 WHERE u.role = 'admin' AND g.name = 'admin';
							""");
		}
	}

	@Test
	void seed004PartlyCreatedGroupsConvergeAndAdminsAreInTheAdminGroupOnce(TestDatabase db) {
		plainFlywayV1(db, "seed004");
		initDbCreatedGroups004(db, false);

		List<MigrationResult> results = migrate(db, "seed004");

		// the tables were there; the pending migration's data statements run, as plain
		// Flyway runs them
		assertThat(migration(results, "2").statements()).extracting(StatementResult::outcome)
			.containsExactly(Outcome.SKIPPED, Outcome.RECONCILED, Outcome.APPLIED, Outcome.APPLIED);
		assertThat(migration(results, "3").statements()).extracting(StatementResult::outcome)
			.containsExactly(Outcome.SKIPPED, Outcome.APPLIED);
		assertThat(query(db,
				"SELECT pg_get_constraintdef(oid) FROM pg_constraint"
						+ " WHERE conrelid = 'user_groups'::regclass AND contype = 'p'"))
			.containsExactly("PRIMARY KEY (user_id, group_id)");
		assertAdminsOnceInAdminGroup(db);
		assertThat(count(db, "SELECT count(*) FROM groups")).isEqualTo(2);
		assertThat(query(db, "SELECT email || ':' || coalesce(api_key, '-') FROM users ORDER BY id"))
			.containsExactly("root@example.com:key-1", "amy@example.com:-", "ops@example.com:key-3");
		assertThat(history(db)).containsExactly("1:SQL:true", "2:SQL:true", "3:SQL:true");
	}

	@Test
	void seed004RowsSeededByHandStopStartupWithWhatToDoAndChangeNothing(TestDatabase db) {
		plainFlywayV1(db, "seed004");
		initDbCreatedGroups004(db, true);
		List<String> before = everything004(db);

		assertThatThrownBy(() -> migrate(db, "seed004")).hasMessageContaining("INSERT groups")
			.hasMessageContaining("duplicate key value violates unique constraint \"groups_name_key\"")
			.hasMessageContaining(
					"The rows already exist: make the INSERT `ON CONFLICT DO NOTHING` in a new migration");

		assertThat(everything004(db)).isEqualTo(before);
	}

	private static List<String> everything004(TestDatabase db) {
		List<String> all = new ArrayList<>(DatabaseSnapshot.catalogOf(db));
		all.addAll(query(db, "SELECT t::text FROM users t ORDER BY id"));
		all.addAll(query(db, "SELECT t::text FROM groups t ORDER BY id"));
		all.addAll(query(db, "SELECT t::text FROM user_groups t ORDER BY 1"));
		all.addAll(history(db));
		return all;
	}

	@Test
	void seed004DataStepRunsOnceOnAFreshDatabaseAndNotAgainAfterHistoryLoss(TestDatabase db) {
		ScenarioFlyway.migrateTo(db, "seed004", "1");
		db.execute("INSERT INTO users (email, role) VALUES ('root@example.com', 'admin'), ('amy@example.com', 'user')");

		List<MigrationResult> first = migrate(db, "seed004");
		assertThat(migration(first, "2").statements()).extracting(StatementResult::outcome)
			.containsOnly(Outcome.APPLIED);
		assertAdminsOnceInAdminGroup(db);

		db.execute("DROP TABLE flyway_schema_history");
		List<String> catalog = DatabaseSnapshot.catalogOf(db);
		starter(db, "seed004").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(MigrationReportStore.class).last().orElseThrow().migrations()).isEmpty();
		});

		assertThat(DatabaseSnapshot.catalogOf(db)).isEqualTo(catalog);
		assertAdminsOnceInAdminGroup(db);
		assertThat(count(db, "SELECT count(*) FROM groups")).isEqualTo(2);
	}

	@Test
	void seed004PlainFlywayFailsWithRelationAlreadyExists(TestDatabase db) {
		plainFlywayV1(db, "seed004");
		initDbCreatedGroups004(db, true);

		assertThatThrownBy(() -> plain(db, "seed004").migrate()).isInstanceOf(FlywayException.class)
			.hasMessageContaining("relation \"groups\" already exists");
		assertAdminsOnceInAdminGroup(db);
	}

	private static void assertAdminsOnceInAdminGroup(TestDatabase db) {
		assertThat(query(db,
				"SELECT u.email || ':' || count(*) FROM user_groups ug JOIN users u ON u.id = ug.user_id"
						+ " JOIN groups g ON g.id = ug.group_id WHERE g.name = 'admin' GROUP BY u.email ORDER BY 1"))
			.isEqualTo(query(db, "SELECT email || ':1' FROM users WHERE role = 'admin' ORDER BY 1"));
		assertThat(count(db, "SELECT count(*) FROM user_groups"))
			.isEqualTo(count(db, "SELECT count(*) FROM users WHERE role = 'admin'"));
	}

	// --- shared
	// ----------------------------------------------------------------------------------------------

	private static void plainFlywayV1(TestDatabase db, String scenario) {
		ScenarioFlyway.configure(db, scenario).target("1").load().migrate();
	}

	private static void assertValidIndexes(TestDatabase db, String... names) {
		for (String name : names) {
			assertThat(query(db, "SELECT indisvalid::text FROM pg_index WHERE indexrelid = '" + name + "'::regclass"))
				.as(name)
				.containsExactly("true");
		}
	}

}
