package io.github.idempotentmigrations.javamigration;

import java.sql.Connection;
import java.sql.SQLException;

import io.github.idempotentmigrations.engine.StatementRejectedException;
import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.engine.sql.StatementKind;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every operation and existence check on real PostgreSQL: applied once, skipped when
 * repeated.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class IdempotentOperationsTests {

	@Test
	void everyOperationAppliesOnceAndIsSkippedWhenRepeated(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			IdempotentOperations ops = IdempotentOperations.of(connection, "test");
			ops.createEnumType("size", "small");
			for (int pass = 1; pass <= 2; pass++) {
				Outcome expected = (pass == 1) ? Outcome.APPLIED : Outcome.SKIPPED;
				assertThat(ops.createTable("owners", (t) -> t.column("id", "bigserial").primaryKey("id")).outcome())
					.isEqualTo(expected);
				StatementResult pets = ops.createTable("pets",
						(t) -> t.column("id", "bigserial")
							.column("name", "text", (c) -> c.notNull())
							.column("owner_id", "bigint")
							.primaryKey("id"));
				assertThat(pets.outcome()).as(pets.toString()).isEqualTo(expected);
				StatementResult age = ops.addColumn("pets", "age", "integer", (c) -> c.notNull().defaultTo("0"));
				assertThat(age.outcome()).as(age.toString()).isEqualTo(expected);
				if (pass == 1) {
					assertThat(ops.addColumn("pets", "legacy", "text").outcome()).isEqualTo(Outcome.APPLIED);
				}
				assertThat(ops.dropColumn("pets", "legacy").outcome()).isEqualTo(expected);
				if (pass == 1) {
					// re-adding a column that is renamed later would bring the old name
					// back: add it once only
					ops.addColumn("pets", "nick", "text");
				}
				assertThat(ops.renameColumn("pets", "nick", "nickname").outcome()).isEqualTo(expected);
				assertThat(ops.createIndex("pets_name_idx", "pets", "name").outcome()).isEqualTo(expected);
				assertThat(ops.createUniqueIndex("pets_owner_name_uidx", "pets", "owner_id", "name").outcome())
					.isEqualTo(expected);
				assertThat(ops.createIndexConcurrently(false, "pets_age_idx", "pets", "age").outcome())
					.isEqualTo(expected);
				assertThat(ops.createIndexConcurrently(true, "pets_id_age_uidx", "pets", "id", "age").outcome())
					.isEqualTo(expected);
				if (pass == 1) {
					ops.createIndex("pets_tmp_idx", "pets", "nickname");
					ops.createIndex("pets_tmp2_idx", "pets", "nickname");
				}
				assertThat(ops.dropIndex("pets_tmp_idx").outcome()).isEqualTo(expected);
				assertThat(ops.dropIndexConcurrently("pets_tmp2_idx").outcome()).isEqualTo(expected);
				assertThat(ops.addForeignKey("pets_owner_fk", "pets", "owner_id", "owners", "id").outcome())
					.isEqualTo(expected);
				assertThat(ops.addUnique("pets_name_key", "pets", "name").outcome()).isEqualTo(expected);
				assertThat(ops.addCheck("pets_age_check", "pets", "age >= 0").outcome()).isEqualTo(expected);
				assertThat(ops.createEnumType("mood", "happy", "sad").outcome()).isEqualTo(expected);
				assertThat(ops.addEnumValue("size", "large").outcome()).isEqualTo(expected);
				assertThat(ops.execute("CREATE SEQUENCE pet_numbers").outcome()).isEqualTo(expected);
			}
			assertThat(ops.tableExists("pets")).isTrue();
			assertThat(ops.tableExists("Pets")).isFalse();
			assertThat(ops.tableExists("pets_name_idx")).isFalse();
			assertThat(ops.columnExists("pets", "nickname")).isTrue();
			assertThat(ops.columnExists("pets", "nick")).isFalse();
			assertThat(ops.columnExists("pets", "legacy")).isFalse();
			assertThat(ops.indexExists("pets_name_idx")).isTrue();
			assertThat(ops.indexExists("pets_age_idx")).isTrue();
			assertThat(ops.indexExists("pets_tmp_idx")).isFalse();
			assertThat(ops.indexExists("pets")).isFalse();
			assertThat(ops.constraintExists("pets", "pets_name_key")).isTrue();
			assertThat(ops.constraintExists("pets", "pets_age_check")).isTrue();
			assertThat(ops.constraintExists("owners", "pets_age_check")).isFalse();
			assertThat(ops.foreignKeyExists("pets", "pets_owner_fk")).isTrue();
			assertThat(ops.foreignKeyExists("pets", "pets_name_key")).isFalse();
			assertThat(ops.typeExists("mood")).isTrue();
			assertThat(ops.typeExists("pets")).as("a table's row type is not a type").isFalse();
			assertThat(ops.enumValueExists("size", "large")).isTrue();
			assertThat(ops.enumValueExists("size", "Large")).isFalse();
		}
	}

	@Test
	void createTableReconcilesAnExistingTableWithMissingColumns(TestDatabase database) throws SQLException {
		database.execute("CREATE TABLE accounts (id bigserial PRIMARY KEY)");
		try (Connection connection = database.connect()) {
			IdempotentOperations ops = IdempotentOperations.of(connection, "test");
			StatementResult result = ops.createTable("accounts",
					(t) -> t.column("id", "bigserial").column("email", "text").primaryKey("id"));
			assertThat(result.outcome()).isEqualTo(Outcome.RECONCILED);
			assertThat(ops.columnExists("accounts", "email")).isTrue();
		}
	}

	@Test
	void aColumnWithAnotherTypeIsAConflict(TestDatabase database) throws SQLException {
		database.execute("CREATE TABLE accounts (id bigserial PRIMARY KEY, email integer)");
		try (Connection connection = database.connect()) {
			IdempotentOperations ops = IdempotentOperations.of(connection, "test");
			assertThatThrownBy(() -> ops.addColumn("accounts", "email", "text")).isInstanceOfSatisfying(
					StatementRejectedException.class,
					(ex) -> assertThat(ex.result().outcome()).isEqualTo(Outcome.CONFLICT));
		}
	}

	@Test
	void executeIfRunsOnlyWhenTheConditionHoldsAndRecordsTheDecision(TestDatabase database) throws SQLException {
		database.execute("CREATE TABLE flags (name text PRIMARY KEY)");
		try (Connection connection = database.connect()) {
			IdempotentOperations ops = IdempotentOperations.of(connection, "test");
			String condition = "SELECT NOT EXISTS (SELECT 1 FROM flags WHERE name = 'on')";
			StatementResult first = ops.executeIf(condition, "INSERT INTO flags VALUES ('on')", "turning the flag on");
			StatementResult second = ops.executeIf(condition, "INSERT INTO flags VALUES ('on')", "turning the flag on");
			assertThat(first.outcome()).isEqualTo(Outcome.APPLIED);
			assertThat(first.kind()).isEqualTo(StatementKind.INSERT);
			assertThat(second.outcome()).isEqualTo(Outcome.SKIPPED);
			assertThat(second.reason()).contains("turning the flag on");
			assertThat(SeedStory004JavaMigrationTests.count(database, "SELECT count(*) FROM flags")).isEqualTo(1);
			assertThatThrownBy(() -> ops.executeIf("SELECT true", "INSERT INTO flags VALUES (NULL)", "bad row"))
				.isInstanceOfSatisfying(StatementRejectedException.class,
						(ex) -> assertThat(ex.result().outcome()).isEqualTo(Outcome.FAILED));
		}
	}

	@Test
	void inSchemaQualifiesNames(TestDatabase database) throws SQLException {
		database.execute("CREATE SCHEMA \"Other\"");
		try (Connection connection = database.connect()) {
			IdempotentOperations other = IdempotentOperations.of(connection, "test").inSchema("Other");
			other.createTable("things", (t) -> t.column("id", "int"));
			assertThat(other.tableExists("things")).isTrue();
			assertThat(IdempotentOperations.of(connection, "test").tableExists("things")).isFalse();
		}
	}

	@Test
	void concurrentIndexInsideATransactionIsRefusedWithAClearMessage(TestDatabase database) throws SQLException {
		database.execute("CREATE TABLE t (id int)");
		try (Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			IdempotentOperations ops = IdempotentOperations.of(connection, "test");
			assertThatIllegalStateException().isThrownBy(() -> ops.createIndexConcurrently(false, "t_idx", "t", "id"))
				.withMessageContaining("canExecuteInTransaction");
		}
	}

	@Test
	void invalidIdentifiersAreRejectedBeforeAnySqlRuns(TestDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			IdempotentOperations ops = IdempotentOperations.of(connection, "test");
			assertThatIllegalArgumentException().isThrownBy(() -> ops.tableExists(""));
			assertThatIllegalArgumentException().isThrownBy(() -> ops.createTable("a\0b", (t) -> t.column("x", "int")));
			assertThatIllegalArgumentException().isThrownBy(() -> ops.addColumn("t", "é".repeat(32), "int"));
			assertThatIllegalArgumentException().isThrownBy(() -> ops.createIndex("i", "t"));
			assertThat(ops.tableExists("x".repeat(63))).isFalse();
		}
	}

}
