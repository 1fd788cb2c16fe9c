package io.github.idempotentmigrations.shadow;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A CHECK re-created from {@code pg_get_constraintdef} reads back as another text;
 * adoption's diff must not call it different, while a CHECK that means something else
 * stays different.
 */
class ReparsedConstraintsTests {

	private static final String TABLE = "CREATE TABLE t (kind varchar(10) CONSTRAINT t_kind_check CHECK (kind IN %s))";

	@Test
	void aCheckRecreatedFromItsOwnDefinitionIsNotADifference() throws SQLException {
		try (TestDatabase shadow = TestDatabase.create(); TestDatabase target = TestDatabase.create()) {
			shadow.execute(TABLE.formatted("('a', 'b')"));
			String deparsed = shadow
				.query("SELECT pg_get_constraintdef(oid) FROM pg_constraint" + " WHERE conname = 't_kind_check'")
				.get(0);
			target.execute("CREATE TABLE t (kind varchar(10)); ALTER TABLE t ADD CONSTRAINT t_kind_check " + deparsed);
			assertThat(target
				.query("SELECT pg_get_constraintdef(oid) FROM pg_constraint" + " WHERE conname = 't_kind_check'")
				.get(0)).as("PostgreSQL reads it back as another text").isNotEqualTo(deparsed);

			assertThat(diff(shadow, target).different()).isEmpty();

			target.execute("ALTER TABLE t DROP CONSTRAINT t_kind_check;"
					+ " ALTER TABLE t ADD CONSTRAINT t_kind_check CHECK (kind IN ('a', 'c'))");
			assertThat(diff(shadow, target).different()).singleElement()
				.satisfies((d) -> assertThat(d.expected().name()).contains("t_kind_check"));
		}
	}

	private static SchemaDiff diff(TestDatabase shadow, TestDatabase target) throws SQLException {
		try (Connection shadowSession = shadow.connect(); Connection targetSession = target.connect()) {
			return new ShadowAdoption(shadowSession, targetSession).diff(SchemaSnapshot.read(shadowSession),
					List.of("public"));
		}
	}

}
