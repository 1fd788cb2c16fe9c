package io.github.idempotentmigrations.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the engine reads from a statement's first words before sending it: the table a
 * {@code CREATE TABLE} makes new, and the statements after which a name may mean an older
 * table.
 */
class StatementHeadTests {

	@Test
	void aCreatedTableIsTheNameAsWritten() {
		assertThat(created("CREATE TABLE Items (id serial)")).isEqualTo("Items");
		assertThat(created("create unlogged table app.\"Line items\"(id int)")).isEqualTo("app.\"Line items\"");
		assertThat(created("CREATE TEMP TABLE scratch AS SELECT 1")).isEqualTo("scratch");
		assertThat(created("-- seeded below\nCREATE TABLE colours (id int)")).isEqualTo("colours");
	}

	@Test
	void aTableThatMayHaveExistedIsNotCreated() {
		assertThat(created("CREATE TABLE IF NOT EXISTS items (id serial)")).isNull();
		assertThat(created("CREATE VIEW items AS SELECT 1")).isNull();
		assertThat(created("CREATE INDEX items_idx ON items (id)")).isNull();
	}

	@Test
	void namesMayMeanAnotherTableAfterSettingsDropsRenamesMovesAndSequenceOwners() {
		assertThat(redirects("SET search_path TO other")).isTrue();
		assertThat(redirects("RESET search_path")).isTrue();
		assertThat(redirects("DROP TABLE staging")).isTrue();
		assertThat(redirects("ALTER TABLE items RENAME TO staging")).isTrue();
		assertThat(redirects("ALTER TABLE items SET SCHEMA archive")).isTrue();
		assertThat(redirects("ALTER SEQUENCE ticket_numbers OWNED BY issues.id")).isTrue();
		assertThat(redirects("ALTER TABLE items RENAME COLUMN note TO remark")).isFalse();
		assertThat(redirects("ALTER TABLE items ADD COLUMN note text")).isFalse();
		assertThat(redirects("INSERT INTO items (name) VALUES ('rename to')")).isFalse();
	}

	private static String created(String sql) {
		return StatementHead.of(sql).createdTable(sql);
	}

	private static boolean redirects(String sql) {
		return StatementHead.of(sql).mayRedirectNames(sql);
	}

}
