package io.github.idempotentmigrations.test.lint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every rule flags its risky statement and leaves the safe form alone. V1 of each
 * migration set builds the tables the later migrations work on, so they count as existing
 * there.
 */
class MigrationLintTests {

	private static final String SCHEMA = """
			CREATE TABLE owners (id bigint PRIMARY KEY);
			CREATE TABLE accounts (
			    id bigint PRIMARY KEY,
			    email varchar(100),
			    name varchar(50),
			    balance numeric(10, 2),
			    owner_id bigint
			);
			CREATE INDEX accounts_email_idx ON accounts (email);
			""";

	@TempDir
	Path directory;

	@Test
	void addColumnNotNullWithoutDefault() throws IOException {
		assertFlagged(LintRule.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT,
				"ALTER TABLE accounts ADD COLUMN status text NOT NULL;");
		assertNotFlagged("ALTER TABLE accounts ADD COLUMN status text NOT NULL DEFAULT 'active';");
		assertNotFlagged("CREATE TABLE notes (id int);\nALTER TABLE notes ADD COLUMN body text NOT NULL;");
	}

	@Test
	void createIndexWithoutConcurrently() throws IOException {
		assertFlagged(LintRule.CREATE_INDEX_WITHOUT_CONCURRENTLY, "CREATE INDEX accounts_name_idx ON accounts (name);");
		assertNotFlagged("CREATE INDEX CONCURRENTLY accounts_name_idx ON accounts (name);");
		assertNotFlagged("CREATE TABLE notes (id int, body text);\nCREATE INDEX notes_body_idx ON notes (body);");
	}

	@Test
	void dropIndexWithoutConcurrently() throws IOException {
		assertFlagged(LintRule.DROP_INDEX_WITHOUT_CONCURRENTLY, "DROP INDEX accounts_email_idx;");
		assertNotFlagged("DROP INDEX CONCURRENTLY accounts_email_idx;");
	}

	@Test
	void alterColumnTypeThatRewrites() throws IOException {
		assertFlagged(LintRule.ALTER_COLUMN_TYPE_REWRITE, "ALTER TABLE accounts ALTER COLUMN email TYPE varchar(50);");
		assertFlagged(LintRule.ALTER_COLUMN_TYPE_REWRITE, "ALTER TABLE accounts ALTER COLUMN balance TYPE integer;");
		assertFlagged(LintRule.ALTER_COLUMN_TYPE_REWRITE,
				"ALTER TABLE accounts ALTER COLUMN name TYPE text USING upper(name);");
		assertNotFlagged("ALTER TABLE accounts ALTER COLUMN email TYPE varchar(200);");
		assertNotFlagged("ALTER TABLE accounts ALTER COLUMN name SET DATA TYPE text;");
		assertNotFlagged("ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(14, 2);");
		assertThat(lint(SCHEMA + "CREATE TABLE kinds (type varchar(10));",
				"ALTER TABLE kinds ALTER type TYPE varchar(20);")
			.findings()).isEmpty();
	}

	@Test
	void foreignKeyOrCheckWithoutNotValid() throws IOException {
		assertFlagged(LintRule.CONSTRAINT_WITHOUT_NOT_VALID,
				"ALTER TABLE accounts ADD CONSTRAINT accounts_owner_fk FOREIGN KEY (owner_id) REFERENCES owners (id);");
		assertFlagged(LintRule.CONSTRAINT_WITHOUT_NOT_VALID,
				"ALTER TABLE accounts ADD CONSTRAINT balance_positive CHECK (balance >= 0);");
		assertNotFlagged("ALTER TABLE accounts ADD CONSTRAINT accounts_owner_fk FOREIGN KEY (owner_id)"
				+ " REFERENCES owners (id) NOT VALID;\nALTER TABLE accounts VALIDATE CONSTRAINT accounts_owner_fk;");
	}

	@Test
	void setNotNullWithoutValidatedCheck() throws IOException {
		assertFlagged(LintRule.SET_NOT_NULL_WITHOUT_CHECK, "ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;");
		assertFlagged(LintRule.SET_NOT_NULL_WITHOUT_CHECK, """
				ALTER TABLE accounts ADD CONSTRAINT name_not_null CHECK (name IS NOT NULL) NOT VALID;
				ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;
				""");
		assertNotFlagged("""
				ALTER TABLE accounts ADD CONSTRAINT name_not_null CHECK (name IS NOT NULL) NOT VALID;
				ALTER TABLE accounts VALIDATE CONSTRAINT name_not_null;
				ALTER TABLE accounts ALTER COLUMN name SET NOT NULL;
				""");
	}

	@Test
	void dropColumn() throws IOException {
		assertFlagged(LintRule.DROP_COLUMN, "ALTER TABLE accounts DROP COLUMN name;");
		assertNotFlagged("ALTER TABLE accounts ALTER COLUMN name DROP DEFAULT;");
	}

	@Test
	void dropTable() throws IOException {
		assertFlagged(LintRule.DROP_TABLE, "DROP TABLE owners CASCADE;");
		assertNotFlagged("CREATE TABLE staging (id int);\nDROP TABLE staging;");
	}

	@Test
	void renameColumn() throws IOException {
		assertFlagged(LintRule.RENAME_COLUMN, "ALTER TABLE accounts RENAME COLUMN name TO full_name;");
		assertNotFlagged("ALTER INDEX accounts_email_idx RENAME TO accounts_email_lookup;");
	}

	@Test
	void renameTable() throws IOException {
		assertFlagged(LintRule.RENAME_TABLE, "ALTER TABLE owners RENAME TO holders;");
		assertNotFlagged("CREATE TABLE staging (id int);\nALTER TABLE staging RENAME TO holders;"
				+ "\nCREATE INDEX holders_id_idx ON holders (id);");
	}

	@Test
	void vacuumFull() throws IOException {
		assertFlagged(LintRule.VACUUM_FULL, "VACUUM FULL accounts;");
		assertFlagged(LintRule.VACUUM_FULL, "VACUUM (FULL, ANALYZE) accounts;");
		assertNotFlagged("VACUUM ANALYZE accounts;");
	}

	@Test
	void cluster() throws IOException {
		assertFlagged(LintRule.CLUSTER, "CLUSTER accounts USING accounts_email_idx;");
		assertNotFlagged("ALTER TABLE accounts CLUSTER ON accounts_email_idx;");
	}

	@Test
	void lockTableInAModeThatBlocksWriters() throws IOException {
		assertFlagged(LintRule.LOCK_TABLE, "LOCK TABLE accounts;");
		assertFlagged(LintRule.LOCK_TABLE, "LOCK TABLE accounts IN SHARE MODE;");
		assertNotFlagged("LOCK TABLE accounts IN ROW EXCLUSIVE MODE;");
	}

	@Test
	void ddlOrDynamicSqlInsideADoBlock() throws IOException {
		assertFlagged(LintRule.DDL_IN_DO_BLOCK, """
				DO $$
				BEGIN
				    IF NOT EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'audit') THEN
				        CREATE TABLE audit (id int);
				    END IF;
				END
				$$;
				""");
		assertFlagged(LintRule.DDL_IN_DO_BLOCK,
				"DO $$ BEGIN EXECUTE format('CREATE INDEX %I ON accounts (name)', 'by_name'); END $$;");
		assertNotFlagged("DO $$ BEGIN INSERT INTO owners VALUES (1); RAISE NOTICE 'created or dropped'; END $$;");
	}

	@Test
	void findingNamesScriptLineRuleWhyAndSaferForm() throws IOException {
		LintResult result = lint(SCHEMA, "-- a comment first\n\nUPDATE accounts SET name = 'x';\n\n"
				+ "ALTER TABLE accounts\n    DROP COLUMN name;\n");
		assertThat(result.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.script()).isEqualTo("V2__change.sql");
			assertThat(finding.line()).isEqualTo(5);
			assertThat(finding.toString()).contains("ERROR V2__change.sql:5 [drop-column] column accounts.name",
					"Why: Destroys the column's data", "Safer: Stop using the column");
		});
	}

	@Test
	void defaultSeverityFailsOnlyOnRulesThatLoseDataOrBlockWrites() throws IOException {
		LintResult result = lint(SCHEMA, """
				ALTER TABLE accounts RENAME COLUMN name TO full_name;
				DROP TABLE owners;
				""");
		assertThat(result.warnings()).extracting(LintFinding::rule).containsExactly(LintRule.RENAME_COLUMN);
		assertThat(result.errors()).extracting(LintFinding::rule).containsExactly(LintRule.DROP_TABLE);
		assertThatThrownBy(result::assertNoErrors).isInstanceOf(AssertionError.class)
			.hasMessageContaining("1 error(s), 1 warning(s)")
			.hasMessageContaining("[drop-table] table owners");
	}

	@Test
	void aCommentInTheScriptSwitchesRulesOffForThatMigrationOnly() throws IOException {
		LintResult result = lint(SCHEMA, """
				-- idempotent-migrations:lint-ignore drop-column, create-index-without-concurrently
				ALTER TABLE accounts DROP COLUMN name;
				CREATE INDEX accounts_owner_idx ON accounts (owner_id);
				""", "ALTER TABLE accounts DROP COLUMN email;");
		assertThat(result.findings()).extracting((finding) -> finding.rule().id() + "@" + finding.script())
			.containsExactly("drop-column@V3__change.sql");
	}

	@Test
	void theTestSwitchesARuleOffPerMigrationOrChangesItsSeverityEverywhere() throws IOException {
		write(SCHEMA, "ALTER TABLE accounts DROP COLUMN name;\nLOCK TABLE accounts;",
				"ALTER TABLE accounts DROP COLUMN email;\nLOCK TABLE owners;");
		LintResult result = MigrationLint.of("filesystem:" + this.directory)
			.ignore(LintRule.DROP_COLUMN, "2")
			.severity(LintRule.LOCK_TABLE, Severity.OFF)
			.severity(LintRule.DROP_COLUMN, Severity.WARNING)
			.check();
		assertThat(result.findings())
			.extracting((finding) -> finding.rule().id() + "@" + finding.script() + " " + finding.severity())
			.containsExactly("drop-column@V3__change.sql WARNING");
	}

	@Test
	void aTableThePendingMigrationsCreateIsNewToAllOfThem() throws IOException {
		write(SCHEMA, "CREATE TABLE notes (id int, body text);",
				"CREATE INDEX notes_body_idx ON notes (body);\nALTER TABLE notes ALTER COLUMN body SET NOT NULL;",
				"CREATE INDEX accounts_name_idx ON accounts (name);");
		// Nothing in production yet: every migration is pending, every table new.
		assertThat(MigrationLint.of("filesystem:" + this.directory).pendingFrom("1").check().findings()).isEmpty();
		// V1 is in production: its accounts table is not new, the pending V2's notes is.
		assertThat(MigrationLint.of("filesystem:" + this.directory).pendingFrom("2").check().findings())
			.extracting((finding) -> finding.rule().id() + "@" + finding.script())
			.containsExactly("create-index-without-concurrently@V4__change.sql");
		// By default each migration stands alone, as if every earlier one were in
		// production.
		assertThat(MigrationLint.of("filesystem:" + this.directory).check().findings())
			.extracting((finding) -> finding.rule().id() + "@" + finding.script())
			.containsExactly("create-index-without-concurrently@V3__change.sql",
					"set-not-null-without-check@V3__change.sql", "create-index-without-concurrently@V4__change.sql");
	}

	@Test
	void anUnknownRuleIdInAnIgnoreCommentFails() throws IOException {
		assertThatThrownBy(() -> lint(SCHEMA, "-- idempotent-migrations:lint-ignore drop-colum\nSELECT 1;"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("V2__change.sql: No lint rule 'drop-colum'");
	}

	private void assertFlagged(LintRule rule, String migration) throws IOException {
		assertThat(lint(SCHEMA, migration).findings()).as(migration)
			.extracting(LintFinding::rule)
			.containsExactly(rule);
	}

	private void assertNotFlagged(String migration) throws IOException {
		assertThat(lint(SCHEMA, migration).findings()).as(migration).isEmpty();
	}

	private LintResult lint(String... scripts) throws IOException {
		write(scripts);
		return MigrationLint.of("filesystem:" + this.directory).check();
	}

	/**
	 * V1__schema.sql, then V2__change.sql, V3__change.sql, ...; replaces what an earlier
	 * call wrote.
	 */
	private void write(String... scripts) throws IOException {
		try (var old = Files.list(this.directory)) {
			for (Path file : old.toList()) {
				Files.delete(file);
			}
		}
		for (int i = 0; i < scripts.length; i++) {
			Files.writeString(this.directory.resolve("V" + (i + 1) + ((i != 0) ? "__change.sql" : "__schema.sql")),
					scripts[i]);
		}
	}

}
