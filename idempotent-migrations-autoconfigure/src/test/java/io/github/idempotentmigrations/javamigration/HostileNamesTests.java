package io.github.idempotentmigrations.javamigration;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.github.idempotentmigrations.engine.report.Outcome;
import io.github.idempotentmigrations.engine.report.StatementResult;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile identifiers are taken literally: no injection, exact names, found by the
 * checks, idempotent.
 */
@ExtendWith(PostgresDatabaseExtension.class)
class HostileNamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "x\"; DROP TABLE users; --", "Mixed Case", "таблица", "select", "a.b", "it's \"quoted\"",
			"x'); DROP TABLE users; --", "back\\slash" })
	void hostileNamesAreQuotedExactlyAndIdempotent(String name, TestDatabase database) throws SQLException {
		database.execute("CREATE TABLE users (id int); INSERT INTO users VALUES (42)");
		try (Connection connection = database.connect()) {
			IdempotentOperations ops = IdempotentOperations.of(connection, "hostile");
			ops.createEnumType("v" + name, "a");
			for (int pass = 1; pass <= 2; pass++) {
				List<StatementResult> results = new ArrayList<>();
				results.add(ops.createTable(name, (t) -> t.column(name, "integer")));
				if (pass == 1) {
					ops.addColumn(name, "c" + name, "text");
				}
				results.add(ops.createTable(name + "2", (t) -> t.column("id", "integer").primaryKey("id")));
				if (pass == 1) {
					assertThat(ops.addColumn(name, name + "+", "text", (c) -> c.defaultTo("'x'")).outcome())
						.isEqualTo(Outcome.APPLIED);
				}
				results.add(ops.renameColumn(name, "c" + name, "r" + name));
				results.add(ops.dropColumn(name, name + "+"));
				results.add(ops.createIndex("i" + name, name, name));
				results.add(ops.createIndexConcurrently(true, "u" + name, name, "r" + name));
				results.add(ops.addUnique("k" + name, name, name, "r" + name));
				results.add(ops.addCheck("ck" + name, name, ObjectNameQuote.of(name) + " > 0"));
				results.add(ops.addForeignKey("f" + name, name, name, name + "2", "id"));
				results.add(ops.createEnumType("e" + name, name));
				results.add(ops.addEnumValue("v" + name, name + "!"));
				Outcome expected = (pass == 1) ? Outcome.APPLIED : Outcome.SKIPPED;
				assertThat(results).as("pass %d", pass).extracting(StatementResult::outcome).containsOnly(expected);
			}
			assertThat(ops.tableExists(name)).isTrue();
			assertThat(ops.columnExists(name, name)).isTrue();
			assertThat(ops.columnExists(name, "r" + name)).isTrue();
			assertThat(ops.columnExists(name, name + "+")).isFalse();
			assertThat(ops.indexExists("i" + name)).isTrue();
			assertThat(ops.indexExists("u" + name)).isTrue();
			assertThat(ops.constraintExists(name, "k" + name)).isTrue();
			assertThat(ops.constraintExists(name, "ck" + name)).isTrue();
			assertThat(ops.foreignKeyExists(name, "f" + name)).isTrue();
			assertThat(ops.typeExists("e" + name)).isTrue();
			assertThat(ops.enumValueExists("e" + name, name)).isTrue();
			assertThat(ops.enumValueExists("v" + name, name + "!")).isTrue();
			ops.dropIndex("i" + name);
			assertThat(ops.indexExists("i" + name)).isFalse();
		}
		assertThat(SeedStory004JavaMigrationTests.count(database, "SELECT count(*) FROM users WHERE id = 42"))
			.as("canary table survives")
			.isEqualTo(1);
		assertThat(SeedStory004JavaMigrationTests.count(database,
				"SELECT count(*) FROM pg_class WHERE relname = '" + name.replace("'", "''") + "' AND relkind = 'r'"))
			.isEqualTo(1);
	}

	/**
	 * The test's own quoting for the raw check expression, so the test does not trust the
	 * code under test.
	 */
	static final class ObjectNameQuote {

		static String of(String name) {
			return "\"" + name.replace("\"", "\"\"") + "\"";
		}

	}

}
