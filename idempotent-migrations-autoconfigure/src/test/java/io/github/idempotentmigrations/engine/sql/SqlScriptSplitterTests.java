package io.github.idempotentmigrations.engine.sql;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class SqlScriptSplitterTests {

	static Stream<Arguments> scripts() {
		return Stream.of(arguments("SELECT 1", List.of("SELECT 1")), arguments("SELECT 1;", List.of("SELECT 1")),
				arguments("SELECT 1; SELECT 2;", List.of("SELECT 1", "SELECT 2")),
				arguments("  SELECT 1 ;\n\n  SELECT 2  ", List.of("SELECT 1", "SELECT 2")),
				arguments(";;SELECT 1;;;", List.of("SELECT 1")), arguments("", List.of()),
				arguments("  \n ", List.of()), arguments("-- just a comment\n", List.of()),
				arguments("SELECT 1; -- trailing comment", List.of("SELECT 1")),
				arguments("SELECT 1; /* trailing ; comment */", List.of("SELECT 1")),
				arguments("-- header\nCREATE TABLE t (a int);", List.of("-- header\nCREATE TABLE t (a int)")),
				arguments("INSERT INTO t VALUES ('a;b'); SELECT 2",
						List.of("INSERT INTO t VALUES ('a;b')", "SELECT 2")),
				arguments("INSERT INTO t VALUES (E'a\\';b'); SELECT 2",
						List.of("INSERT INTO t VALUES (E'a\\';b')", "SELECT 2")),
				arguments("SELECT 1 AS \"a;b\"; SELECT 2", List.of("SELECT 1 AS \"a;b\"", "SELECT 2")),
				arguments("SELECT 1 /* a; /* nested; */ b; */; SELECT 2",
						List.of("SELECT 1 /* a; /* nested; */ b; */", "SELECT 2")),
				arguments("SELECT 1 -- a; b\n; SELECT 2", List.of("SELECT 1 -- a; b", "SELECT 2")),
				arguments("DO $$ BEGIN CREATE TABLE x (a int); END $$; SELECT 2",
						List.of("DO $$ BEGIN CREATE TABLE x (a int); END $$", "SELECT 2")),
				arguments(
						"CREATE FUNCTION f() RETURNS void AS $body$ BEGIN PERFORM 1; $$; END; $body$ LANGUAGE plpgsql;"
								+ " SELECT 2",
						List.of("CREATE FUNCTION f() RETURNS void AS $body$ BEGIN PERFORM 1; $$; END;"
								+ " $body$ LANGUAGE plpgsql", "SELECT 2")),
				arguments("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END; SELECT 3",
						List.of("CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END",
								"SELECT 3")),
				arguments(
						"CREATE PROCEDURE p(a int) LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (CASE WHEN a > 0"
								+ " THEN 1 ELSE 0 END); DELETE FROM u; END; SELECT 4",
						List.of("CREATE PROCEDURE p(a int) LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (CASE WHEN"
								+ " a > 0 THEN 1 ELSE 0 END); DELETE FROM u; END", "SELECT 4")),
				arguments("BEGIN; SELECT 1; COMMIT;", List.of("BEGIN", "SELECT 1", "COMMIT")),
				arguments("COPY t (a, b) FROM stdin;\n1\t'it\n2\t;\n\\.\nSELECT 2;",
						List.of("COPY t (a, b) FROM stdin", "SELECT 2")),
				arguments("COPY t FROM STDIN;\r\nx\r\n\\.\r\nSELECT 3", List.of("COPY t FROM STDIN", "SELECT 3")),
				arguments("COPY t TO STDOUT; SELECT 2", List.of("COPY t TO STDOUT", "SELECT 2")),
				arguments("SELECT 'unterminated; SELECT 2", List.of("SELECT 'unterminated; SELECT 2")));
	}

	@ParameterizedTest
	@MethodSource("scripts")
	void splitsOnTopLevelSemicolons(String script, List<String> expected) {
		assertThat(SqlScriptSplitter.split(script)).containsExactlyElementsOf(expected);
	}

	@Test
	void keepsUnicodeAndQuotedTextExactly() {
		String script = "CREATE TABLE \"таблица;1\" (café text DEFAULT 'é;'); ALTER TABLE \"таблица;1\" ADD x int";

		assertThat(SqlScriptSplitter.split(script)).containsExactly(
				"CREATE TABLE \"таблица;1\" (café text DEFAULT 'é;')", "ALTER TABLE \"таблица;1\" ADD x int");
	}

	@Test
	void copyDataWithoutTerminatorSwallowsTheRest() {
		assertThat(SqlScriptSplitter.split("COPY t FROM stdin;\n1\n2\n")).containsExactly("COPY t FROM stdin");
	}

}
