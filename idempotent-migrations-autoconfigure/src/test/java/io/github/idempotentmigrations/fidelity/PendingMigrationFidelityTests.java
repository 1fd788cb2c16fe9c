package io.github.idempotentmigrations.fidelity;

import java.nio.file.Path;
import java.util.List;

import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ordinary deploys with the history intact: a pending migration runs every statement as
 * written, and only what PostgreSQL refuses as already there is judged against the live
 * catalog. Data statements of a pending migration always run; a differing object stops
 * startup with nothing changed.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class PendingMigrationFidelityTests {

	@TempDir
	Path scripts;

	@Test
	void backfillRunsWhenItsColumnWasAddedByHand(TestDatabase db) {
		InlineMigrations migrations = InlineMigrations.of(this.scripts, """
				CREATE TABLE accounts (id integer PRIMARY KEY, plan text);
				INSERT INTO accounts VALUES (1, 'free'), (2, 'pro');
				""", """
				CREATE EXTENSION IF NOT EXISTS pg_trgm;
				ALTER TABLE accounts ADD COLUMN plan_rank integer;
				COMMENT ON COLUMN accounts.plan_rank IS 'ordering of plans';
				UPDATE accounts SET plan_rank = CASE plan WHEN 'pro' THEN 2 ELSE 1 END;
				""");
		migrations.plainTo(db, "1");
		db.execute("CREATE EXTENSION pg_trgm; ALTER TABLE accounts ADD COLUMN plan_rank integer");

		List<MigrationResult> results = migrations.starter(db);

		assertThat(outcomes(results, "2")).containsExactly(Outcome.SKIPPED, Outcome.SKIPPED, Outcome.APPLIED,
				Outcome.APPLIED);
		assertThat(db.query("SELECT id || ':' || plan_rank FROM accounts ORDER BY id")).containsExactly("1:1", "2:2");
	}

	@Test
	void expandContractKeepsEveryAddress(TestDatabase db) {
		InlineMigrations migrations = InlineMigrations.of(this.scripts, """
				CREATE TABLE users (id integer PRIMARY KEY, email text);
				INSERT INTO users VALUES (1, 'Ann@Example.com'), (2, 'BOB@example.com');
				""", """
				ALTER TABLE users ADD COLUMN email_new text;
				UPDATE users SET email_new = lower(email);
				""", """
				ALTER TABLE users DROP COLUMN email;
				""", """
				ALTER TABLE users RENAME COLUMN email_new TO email;
				""");
		migrations.plainTo(db, "1");

		migrations.starter(db);

		assertThat(db.query("SELECT id || ':' || email FROM users ORDER BY id")).containsExactly("1:ann@example.com",
				"2:bob@example.com");
		assertThat(InlineMigrations.history(db)).hasSize(4).allMatch((h) -> h.endsWith(":true"));
	}

	@Test
	void aColumnOfAnotherTypeStopsStartupAndChangesNothing(TestDatabase db) {
		InlineMigrations migrations = InlineMigrations.of(this.scripts, """
				CREATE TABLE products (id integer PRIMARY KEY);
				INSERT INTO products VALUES (1);
				""", """
				ALTER TABLE products ADD COLUMN price numeric(12,2);
				ALTER TABLE products ALTER COLUMN price SET DEFAULT 0;
				""");
		migrations.plainTo(db, "1");
		db.execute("ALTER TABLE products ADD COLUMN price integer; UPDATE products SET price = 7");
		List<String> before = InlineMigrations.state(db);

		assertThatThrownBy(() -> migrations.starter(db)).hasMessageContaining("CONFLICT")
			.hasMessageContaining("column public.products.price exists with another definition");

		assertThat(InlineMigrations.state(db)).isEqualTo(before);
	}

	@Test
	void aColumnMadeByHandAsTheMigrationLeavesItConverges(TestDatabase db) {
		InlineMigrations migrations = incidentsWithARevisionMadeNotNull();
		migrations.plainTo(db, "1");
		// a hot-fix copied the column as the whole migration leaves it: NOT NULL from the
		// start
		db.execute("ALTER TABLE incidents ADD COLUMN rev integer NOT NULL DEFAULT 0; ALTER TABLE incidents"
				+ " ALTER COLUMN rev DROP DEFAULT");

		List<MigrationResult> results = migrations.starter(db);

		assertThat(outcomes(results, "2")).containsExactly(Outcome.RECONCILED, Outcome.APPLIED, Outcome.APPLIED);
		assertThat(results.get(results.size() - 1).statements().get(0).reason())
			.contains("judged when the migration ends");
		assertThat(db.query("SELECT id || ':' || rev FROM incidents ORDER BY id")).containsExactly("1:1", "2:1");
		assertThat(InlineMigrations.history(db)).hasSize(2).allMatch((h) -> h.endsWith(":true"));
	}

	@Test
	void aTableMadeByHandAsTheMigrationLeavesItConverges(TestDatabase db) {
		InlineMigrations migrations = InlineMigrations.of(this.scripts, """
				CREATE TABLE accounts (id integer PRIMARY KEY);
				""", """
				CREATE TABLE audit (id integer PRIMARY KEY, note text);
				UPDATE audit SET note = 'none' WHERE note IS NULL;
				ALTER TABLE audit ALTER COLUMN note SET NOT NULL;
				""");
		migrations.plainTo(db, "1");
		db.execute(
				"CREATE TABLE audit (id integer PRIMARY KEY, note text NOT NULL); INSERT INTO audit VALUES (1, 'kept')");

		List<MigrationResult> results = migrations.starter(db);

		assertThat(outcomes(results, "2")).containsExactly(Outcome.RECONCILED, Outcome.APPLIED, Outcome.APPLIED);
		assertThat(results.get(results.size() - 1).statements().get(0).reason())
			.contains("note differ in NOT NULL or default only");
		assertThat(db.query("SELECT id || ':' || note FROM audit")).containsExactly("1:kept");
	}

	@Test
	void aColumnMadeByHandIsJudgedWithTheMigrationsLaterActionsEvenInTheSameStatementOrAsAPrimaryKey(TestDatabase db) {
		InlineMigrations migrations = InlineMigrations.of(this.scripts, """
				CREATE TABLE incidents (id integer);
				INSERT INTO incidents VALUES (1), (2);
				""", """
				ALTER TABLE incidents ADD COLUMN rev integer NOT NULL DEFAULT 0, ALTER COLUMN rev DROP DEFAULT;
				ALTER TABLE incidents ADD COLUMN code integer;
				UPDATE incidents SET code = id;
				ALTER TABLE incidents ADD PRIMARY KEY (code);
				ALTER TABLE incidents ADD COLUMN old_name integer;
				ALTER TABLE incidents RENAME COLUMN old_name TO new_name;
				""");
		migrations.plainTo(db, "1");
		db.execute("ALTER TABLE incidents ADD COLUMN rev integer NOT NULL DEFAULT 0;"
				+ " ALTER TABLE incidents ALTER COLUMN rev DROP DEFAULT;"
				+ " ALTER TABLE incidents ADD COLUMN code integer NOT NULL DEFAULT 0;"
				+ " ALTER TABLE incidents ALTER COLUMN code DROP DEFAULT;"
				+ " ALTER TABLE incidents ADD COLUMN old_name integer NOT NULL DEFAULT 7");

		List<MigrationResult> results = migrations.starter(db);

		// rev: its own statement drops the default; code: the primary key makes it NOT
		// NULL; old_name: renamed later, nothing of it is left to judge
		assertThat(outcomes(results, "2")).doesNotContain(Outcome.CONFLICT, Outcome.FAILED);
		assertThat(db.query("SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute"
				+ " WHERE attrelid = 'incidents'::regclass AND attnum > 0"))
			.containsExactly("id,rev,code,new_name");
	}

	@Test
	void aColumnMadeByHandThatTheMigrationDoesNotLeaveSoIsAConflictWithNothingChanged(TestDatabase db) {
		InlineMigrations migrations = incidentsWithARevisionMadeNotNull();
		migrations.plainTo(db, "1");
		// NOT NULL as the migration leaves it, but with a default the migration never
		// gives it
		db.execute("ALTER TABLE incidents ADD COLUMN rev integer NOT NULL DEFAULT 5");
		List<String> before = InlineMigrations.state(db);

		assertThatThrownBy(() -> migrations.starter(db)).hasMessageContaining("CONFLICT")
			.hasMessageContaining(
					"column public.incidents.rev existed before this migration and differs from what" + " it leaves");

		assertThat(InlineMigrations.state(db)).isEqualTo(before);
	}

	@Test
	void aHandMadeColumnLackingOnlyTheMigrationsNotNullOrDefaultGetsThemFromPostgres(TestDatabase db) {
		InlineMigrations migrations = itemsWithAFlagAndANote();
		migrations.plainTo(db, "1");
		db.execute("ALTER TABLE \"Item\" ADD COLUMN \"flag\" boolean DEFAULT false;"
				+ " ALTER TABLE \"Item\" ADD COLUMN note text; UPDATE \"Item\" SET note = 'n'");

		List<MigrationResult> results = migrations.starter(db);

		assertThat(outcomes(results, "2")).containsExactly(Outcome.RECONCILED, Outcome.RECONCILED);
		assertThat(results.stream()
			.filter((m) -> "2".equals(m.version()))
			.findFirst()
			.orElseThrow()
			.statements()
			.get(0)
			.actions()).containsExactly("ALTER TABLE \"public\".\"Item\" ALTER COLUMN \"flag\" SET NOT NULL");
		assertThat(db.query("SELECT attname || ' ' || attnotnull || ' ' || coalesce(pg_get_expr(adbin, adrelid), '-')"
				+ " FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum"
				+ " WHERE attrelid = '\"Item\"'::regclass AND attname IN ('flag', 'note') ORDER BY attnum"))
			.containsExactly("flag true false", "note true 'x'::text");
		assertThat(db.query("SELECT count(*) FROM \"Item\" WHERE note = 'n'")).containsExactly("2");
	}

	@Test
	void aHandMadeColumnWhoseRowsHoldNullsWherePostgresRefusesNotNullIsAConflictWithTheCount(TestDatabase db) {
		InlineMigrations migrations = itemsWithAFlagAndANote();
		migrations.plainTo(db, "1");
		db.execute("ALTER TABLE \"Item\" ADD COLUMN \"flag\" boolean; UPDATE \"Item\" SET flag = true WHERE id = 1");
		List<String> before = InlineMigrations.state(db);

		assertThatThrownBy(() -> migrations.starter(db)).hasMessageContaining("CONFLICT")
			.hasMessageContaining("public.Item.flag")
			.hasMessageContaining("1 row holds NULL")
			.hasMessageContaining("UPDATE");

		assertThat(InlineMigrations.state(db)).isEqualTo(before);
	}

	@ParameterizedTest(name = "in Flyway's transaction: {0}")
	@ValueSource(booleans = { true, false })
	void aHandMadeColumnInsideTheScriptsOwnTransactionIsReconciled(boolean inFlywaysTransaction, TestDatabase db) {
		InlineMigrations written = InlineMigrations.of(this.scripts, """
				CREATE TABLE t (id integer PRIMARY KEY);
				INSERT INTO t VALUES (1), (2);
				""", """
				BEGIN;
				DELETE FROM t;
				ALTER TABLE t ADD COLUMN c text NOT NULL;
				INSERT INTO t VALUES (3, 'three');
				COMMIT;
				""");
		InlineMigrations migrations = inFlywaysTransaction ? written : written.outsideFlywaysTransaction();
		migrations.plainTo(db, "1");
		db.execute("ALTER TABLE t ADD COLUMN c text");

		List<MigrationResult> results = migrations.starter(db);

		assertThat(outcomes(results, "2")).doesNotContain(Outcome.CONFLICT, Outcome.FAILED);
		assertThat(db.query("SELECT id || ':' || c FROM t")).containsExactly("3:three");
		assertThat(db.query("SELECT attnotnull FROM pg_attribute WHERE attrelid = 't'::regclass AND attname = 'c'"))
			.containsExactly("t");
	}

	@Test
	void seedRowsMeetingAnExistingRowStopStartupWithWhatToDo(TestDatabase db) {
		InlineMigrations migrations = InlineMigrations.of(this.scripts, """
				CREATE TABLE plans (name text PRIMARY KEY);
				""", """
				INSERT INTO plans VALUES ('free'), ('pro'), ('team');
				""");
		migrations.plainTo(db, "1");
		db.execute("INSERT INTO plans VALUES ('free')");
		List<String> before = InlineMigrations.state(db);

		assertThatThrownBy(() -> migrations.starter(db))
			.hasMessageContaining("duplicate key value violates unique constraint \"plans_pkey\"")
			.hasMessageContaining("make the INSERT `ON CONFLICT DO NOTHING` in a new migration, or remove the rows");

		assertThat(InlineMigrations.state(db)).isEqualTo(before);
	}

	@Test
	void createOrReplaceRunsAsWrittenAndChangesBodiesSecurityAndViewOptions(TestDatabase db) {
		// security_invoker exists for views from PostgreSQL 15; security_barrier is the
		// older guard of the same kind
		String viewOption = (Integer.parseInt(db.query("SHOW server_version_num").get(0)) >= 150000)
				? "security_invoker" : "security_barrier";
		InlineMigrations migrations = InlineMigrations.of(this.scripts,
				"""
						CREATE TABLE secrets (id integer PRIMARY KEY, owner text);
						CREATE FUNCTION combine(a integer, b integer) RETURNS integer LANGUAGE sql RETURN a + b;
						CREATE FUNCTION owner_of(i integer) RETURNS text LANGUAGE sql AS $$ SELECT owner FROM secrets WHERE id = i $$;
						CREATE VIEW visible_secrets AS SELECT id FROM secrets;
						""",
				"""
						CREATE OR REPLACE FUNCTION combine(a integer, b integer) RETURNS integer LANGUAGE sql RETURN a * b;
						CREATE OR REPLACE FUNCTION owner_of(i integer) RETURNS text LANGUAGE sql SECURITY DEFINER
						    SET search_path = public AS $$ SELECT owner FROM secrets WHERE id = i $$;
						CREATE OR REPLACE VIEW visible_secrets WITH (%s = true) AS SELECT id FROM secrets;
						"""
					.formatted(viewOption));
		migrations.plainTo(db, "1");

		List<MigrationResult> results = migrations.starter(db);

		assertThat(outcomes(results, "2")).containsOnly(Outcome.APPLIED);
		assertThat(db.query("SELECT combine(3, 4)")).containsExactly("12");
		assertThat(db.query("SELECT prosecdef || ' ' || proconfig::text FROM pg_proc" + " WHERE proname = 'owner_of'"))
			.containsExactly("true {search_path=public}");
		assertThat(db.query("SELECT reloptions::text FROM pg_class WHERE relname = 'visible_secrets'"))
			.containsExactly("{" + viewOption + "=true}");
	}

	@Test
	void aRoutineWithTheSameSignatureButAnotherBodyIsAConflict(TestDatabase db) {
		InlineMigrations migrations = InlineMigrations.of(this.scripts, """
				CREATE TABLE t (id integer);
				""", """
				CREATE FUNCTION answer() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 42 $$;
				""");
		migrations.plainTo(db, "1");
		db.execute("CREATE FUNCTION answer() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 41 $$;"
				+ "CREATE FUNCTION answer(v integer) RETURNS integer LANGUAGE sql AS $$ SELECT v $$");

		assertThatThrownBy(() -> migrations.starter(db)).hasMessageContaining("CONFLICT")
			.hasMessageContaining("public.answer() exists with another definition");

		db.execute("CREATE OR REPLACE FUNCTION answer() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 42 $$");
		assertThat(outcomes(migrations.starter(db), "2")).containsExactly(Outcome.SKIPPED);
	}

	/**
	 * Columns that a hot-fix made before the migration that gives them NOT NULL and a
	 * default.
	 */
	private InlineMigrations itemsWithAFlagAndANote() {
		return InlineMigrations.of(this.scripts, """
				CREATE TABLE "Item" (id integer PRIMARY KEY);
				INSERT INTO "Item" VALUES (1), (2);
				""", """
				ALTER TABLE "Item" ADD COLUMN "flag" BOOLEAN NOT NULL DEFAULT false;
				ALTER TABLE "Item" ADD COLUMN note text NOT NULL DEFAULT 'x';
				""");
	}

	/**
	 * A column added, filled, then made NOT NULL within one migration: what a hot-fix
	 * copies in one go.
	 */
	private InlineMigrations incidentsWithARevisionMadeNotNull() {
		return InlineMigrations.of(this.scripts, """
				CREATE TABLE incidents (id integer PRIMARY KEY);
				INSERT INTO incidents VALUES (1), (2);
				""", """
				ALTER TABLE incidents ADD COLUMN rev integer;
				UPDATE incidents SET rev = 1;
				ALTER TABLE incidents ALTER COLUMN rev SET NOT NULL;
				""");
	}

	private static List<Outcome> outcomes(List<MigrationResult> results, String version) {
		return results.stream()
			.filter((m) -> version.equals(m.version()))
			.flatMap((m) -> m.statements().stream())
			.map(StatementResult::outcome)
			.toList();
	}

}
