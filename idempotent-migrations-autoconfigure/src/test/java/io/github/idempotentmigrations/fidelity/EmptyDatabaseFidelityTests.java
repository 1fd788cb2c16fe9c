package io.github.idempotentmigrations.fidelity;

import java.nio.file.Path;
import java.util.List;

import io.github.idempotentmigrations.engine.report.MigrationResult;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On an empty database the starter is plain Flyway plus savepoints: the shapes that real
 * migration sets use and that a model of the schema got wrong (swaps, redefinitions
 * inside one statement, side effects of CASCADE, overloads, CREATE OR REPLACE) end in the
 * same schema, rows and history as plain Flyway, every statement APPLIED (or SKIPPED
 * where PostgreSQL skipped an IF EXISTS).
 */
class EmptyDatabaseFidelityTests {

	@TempDir
	Path scripts;

	@Test
	void enumSwapAsPrismaWritesIt() {
		assertSameAsPlainFlyway(InlineMigrations.of(this.scripts, """
				CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
				CREATE TABLE "User" (id integer PRIMARY KEY, role "Role" NOT NULL DEFAULT 'USER');
				INSERT INTO "User" VALUES (1, 'ADMIN'), (2, 'USER');
				""", """
				CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN', 'AUDITOR');
				ALTER TABLE "User" ALTER COLUMN role DROP DEFAULT;
				ALTER TABLE "User" ALTER COLUMN role TYPE "Role_new" USING (role::text::"Role_new");
				DROP TYPE "Role";
				ALTER TYPE "Role_new" RENAME TO "Role";
				ALTER TABLE "User" ALTER COLUMN role SET DEFAULT 'USER';
				"""));
	}

	@Test
	void enumSwapWithTheScriptsOwnTransaction() {
		assertSameAsPlainFlyway(InlineMigrations.of(this.scripts, """
				CREATE TYPE "Status" AS ENUM ('DRAFT', 'LIVE');
				CREATE TABLE "Post" (id integer PRIMARY KEY, status "Status" NOT NULL);
				INSERT INTO "Post" VALUES (1, 'LIVE');
				""", """
				BEGIN;
				CREATE TYPE "Status_new" AS ENUM ('DRAFT', 'LIVE', 'ARCHIVED');
				ALTER TABLE "Post" ALTER COLUMN "status" TYPE "Status_new" USING ("status"::text::"Status_new");
				ALTER TYPE "Status" RENAME TO "Status_old";
				ALTER TYPE "Status_new" RENAME TO "Status";
				DROP TYPE "Status_old";
				COMMIT;
				"""));
	}

	@Test
	void tableSwapThroughACopy() {
		assertSameAsPlainFlyway(InlineMigrations.of(this.scripts, """
				CREATE TABLE accounts (id integer PRIMARY KEY, name text);
				INSERT INTO accounts VALUES (1, 'a'), (2, 'b');
				""", """
				CREATE TABLE new_accounts (id integer PRIMARY KEY, name text NOT NULL, created_at date);
				INSERT INTO new_accounts (id, name) SELECT id, name FROM accounts;
				DROP TABLE accounts;
				ALTER TABLE new_accounts RENAME TO accounts;
				"""));
	}

	@Test
	void columnDroppedLaterIsCreatedWhileAStatementInBetweenUsesIt() {
		assertSameAsPlainFlyway(InlineMigrations.of(this.scripts, """
				CREATE TABLE items (id integer PRIMARY KEY, legacy_code text);
				""", """
				ALTER TABLE items ADD CONSTRAINT items_legacy_code_key UNIQUE (legacy_code);
				INSERT INTO items VALUES (1, 'x');
				""", """
				ALTER TABLE items DROP COLUMN legacy_code;
				"""));
	}

	@Test
	void constraintAndColumnRedefinedInsideOneAlterTable() {
		assertSameAsPlainFlyway(InlineMigrations.of(this.scripts, """
				CREATE TABLE parents (id integer PRIMARY KEY);
				CREATE TABLE children (id integer PRIMARY KEY, parent_id integer,
				    CONSTRAINT children_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id));
				CREATE TABLE "Tag" (id text PRIMARY KEY, label text);
				""",
				"""
						ALTER TABLE children DROP CONSTRAINT children_parent_fk,
						    ADD CONSTRAINT children_parent_fk FOREIGN KEY (parent_id) REFERENCES parents (id) ON DELETE CASCADE;
						ALTER TABLE "Tag" DROP COLUMN "id", ADD COLUMN "id" SERIAL NOT NULL, ADD CONSTRAINT "Tag_pkey" PRIMARY KEY ("id");
						"""));
	}

	@Test
	void viewDroppedByCascadeIsCreatedAgainAndReadFrom() {
		assertSameAsPlainFlyway(InlineMigrations.of(this.scripts, """
				CREATE TABLE orders (id integer PRIMARY KEY, total numeric, note text);
				CREATE VIEW order_totals AS SELECT id, total, note FROM orders;
				""", """
				ALTER TABLE orders DROP COLUMN note CASCADE;
				CREATE VIEW order_totals AS SELECT id, total FROM orders;
				CREATE VIEW big_orders AS SELECT id FROM order_totals WHERE total > 100;
				"""));
	}

	@Test
	void primaryKeyAddedThenReferenced() {
		assertSameAsPlainFlyway(InlineMigrations.of(this.scripts, """
				CREATE TABLE users (id integer NOT NULL, email text);
				""", """
				ALTER TABLE users ADD PRIMARY KEY (id);
				CREATE TABLE sessions (id integer PRIMARY KEY, user_id integer REFERENCES users (id));
				"""));
	}

	@Test
	void overloadedFunctions() {
		assertSameAsPlainFlyway(InlineMigrations.of(this.scripts, """
				CREATE FUNCTION describe(v integer) RETURNS text LANGUAGE sql AS $$ SELECT 'int ' || v $$;
				""", """
				CREATE FUNCTION describe(v text) RETURNS text LANGUAGE sql AS $$ SELECT 'text ' || v $$;
				CREATE FUNCTION describe(v integer, w integer) RETURNS text LANGUAGE sql AS $$ SELECT 'two' $$;
				"""));
	}

	@Test
	void createOrReplaceThatOnlyChangesVolatilityLetsAnIndexUseTheFunction() {
		assertSameAsPlainFlyway(InlineMigrations.of(this.scripts, """
				CREATE TABLE people (id integer PRIMARY KEY, name text);
				CREATE FUNCTION normalized(v text) RETURNS text LANGUAGE sql AS $$ SELECT lower(v) $$;
				""",
				"""
						CREATE OR REPLACE FUNCTION normalized(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(v) $$;
						CREATE INDEX people_normalized_name ON people (normalized(name));
						"""));
	}

	@Test
	void aScriptsOwnCommitAndIfExistsStatements() {
		assertSameAsPlainFlyway(InlineMigrations.of(this.scripts, """
				CREATE TABLE IF NOT EXISTS notes (id integer PRIMARY KEY);
				DROP TABLE IF EXISTS never_there;
				ALTER TABLE notes ADD COLUMN IF NOT EXISTS body text;
				CREATE INDEX IF NOT EXISTS notes_body ON notes (body);
				CREATE EXTENSION IF NOT EXISTS pg_trgm;
				""", """
				INSERT INTO notes VALUES (1, 'one');
				COMMIT;
				INSERT INTO notes VALUES (2, 'two');
				"""));
	}

	@Test
	void aScriptThatOpensItsOwnTransactionAndSetsItsIsolationLevelRunsOutsideFlywaysTransaction() {
		assertSameAsPlainFlyway(scriptSettingItsIsolationLevel().outsideFlywaysTransaction());
	}

	@Test
	void aScriptThatSetsItsIsolationLevelInsideFlywaysTransactionFailsAsWithPlainFlyway() {
		InlineMigrations migrations = scriptSettingItsIsolationLevel();
		try (TestDatabase plain = TestDatabase.create(); TestDatabase starter = TestDatabase.create()) {
			String refusal = "SET TRANSACTION ISOLATION LEVEL must be called before any query";
			assertThatThrownBy(() -> migrations.plain(plain)).hasStackTraceContaining(refusal);
			assertThatThrownBy(() -> migrations.starter(starter)).hasStackTraceContaining(refusal);
			assertThat(InlineMigrations.state(starter)).isEqualTo(InlineMigrations.state(plain));
		}
	}

	private InlineMigrations scriptSettingItsIsolationLevel() {
		return InlineMigrations.of(this.scripts, """
				CREATE TABLE src (id integer PRIMARY KEY, v text);
				INSERT INTO src VALUES (1, 'a'), (2, 'b');
				CREATE TABLE dst (id integer PRIMARY KEY, v text);
				""", """
				BEGIN;
				SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;
				INSERT INTO dst SELECT id, v FROM src;
				UPDATE src SET v = upper(v);
				COMMIT;
				""");
	}

	@Test
	void ifNotExistsThatPostgresSkippedOverAnotherObjectIsSkippedAsPlainFlywaySkipsIt() {
		InlineMigrations migrations = InlineMigrations.of(this.scripts, """
				CREATE TABLE a (id integer PRIMARY KEY, "createdAt" timestamp);
				CREATE TABLE b (id integer PRIMARY KEY, code text);
				CREATE INDEX ix ON a (id);
				""", """
				CREATE INDEX IF NOT EXISTS ix ON b (code);
				ALTER TABLE a ADD COLUMN IF NOT EXISTS "createdAt" TIMESTAMP DEFAULT now();
				ALTER TABLE b ADD COLUMN IF NOT EXISTS code integer NOT NULL;
				INSERT INTO b VALUES (1, 'one');
				""");
		try (TestDatabase plain = TestDatabase.create(); TestDatabase starter = TestDatabase.create()) {
			migrations.plain(plain);

			List<StatementResult> statements = migrations.starter(starter).get(1).statements();

			assertThat(InlineMigrations.state(starter)).isEqualTo(InlineMigrations.state(plain));
			assertThat(statements.subList(0, 3)).allSatisfy((s) -> {
				assertThat(s.outcome()).as(s.sql()).isEqualTo(Outcome.SKIPPED);
				assertThat(s.reason()).as(s.sql()).contains("IF NOT EXISTS").contains("warning");
				assertThat(s.expected()).as(s.sql()).isNotBlank();
				assertThat(s.actual()).as(s.sql()).isNotBlank();
			});
		}
	}

	private static void assertSameAsPlainFlyway(InlineMigrations migrations) {
		try (TestDatabase plain = TestDatabase.create(); TestDatabase starter = TestDatabase.create()) {
			migrations.plain(plain);

			List<MigrationResult> results = migrations.starter(starter);

			assertThat(InlineMigrations.state(starter)).isEqualTo(InlineMigrations.state(plain));
			// APPLIED, or SKIPPED where PostgreSQL itself skipped an IF EXISTS
			assertThat(results.stream().flatMap((m) -> m.statements().stream()))
				.allSatisfy((s) -> assertThat(s.outcome()).as(s.sql())
					.isEqualTo(s.sql().contains("IF EXISTS") ? Outcome.SKIPPED : Outcome.APPLIED));
		}
	}

}
