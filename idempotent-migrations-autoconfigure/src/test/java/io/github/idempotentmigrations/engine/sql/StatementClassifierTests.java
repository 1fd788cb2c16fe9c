package io.github.idempotentmigrations.engine.sql;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.github.idempotentmigrations.engine.sql.AlterAction.Kind;
import io.github.idempotentmigrations.engine.sql.TableElement.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.github.idempotentmigrations.engine.sql.StatementKind.ALTER_TABLE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.ALTER_TYPE_ADD_VALUE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.ALTER_TYPE_RENAME_VALUE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.COMMENT;
import static io.github.idempotentmigrations.engine.sql.StatementKind.COPY;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_COMPOSITE_TYPE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_DOMAIN;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_ENUM_TYPE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_EXTENSION;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_FUNCTION;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_INDEX;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_MATERIALIZED_VIEW;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_OTHER_TYPE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_POLICY;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_PROCEDURE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_SCHEMA;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_SEQUENCE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_TABLE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_TABLE_AS;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_TRIGGER;
import static io.github.idempotentmigrations.engine.sql.StatementKind.CREATE_VIEW;
import static io.github.idempotentmigrations.engine.sql.StatementKind.DELETE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.DO_BLOCK;
import static io.github.idempotentmigrations.engine.sql.StatementKind.DROP;
import static io.github.idempotentmigrations.engine.sql.StatementKind.GRANT;
import static io.github.idempotentmigrations.engine.sql.StatementKind.INSERT;
import static io.github.idempotentmigrations.engine.sql.StatementKind.RENAME_INDEX;
import static io.github.idempotentmigrations.engine.sql.StatementKind.RENAME_OTHER;
import static io.github.idempotentmigrations.engine.sql.StatementKind.REVOKE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.TRUNCATE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.UNKNOWN;
import static io.github.idempotentmigrations.engine.sql.StatementKind.UPDATE;
import static io.github.idempotentmigrations.engine.sql.StatementKind.UTILITY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class StatementClassifierTests {

	static Stream<Arguments> kindsAndTargets() {
		return Stream.of(
				// CREATE TABLE
				arguments("CREATE TABLE users (id bigint)", CREATE_TABLE, name("users")),
				arguments("create table Public.Users (id int);", CREATE_TABLE, name("public", "users")),
				arguments("CREATE TABLE \"My Schema\".\"Order\" (id int)", CREATE_TABLE, name("My Schema", "Order")),
				arguments("CREATE TABLE public.\"T\" (a int)", CREATE_TABLE, name("public", "T")),
				arguments("CREATE TABLE \"a.b\".\"c\"\"d\" (x int)", CREATE_TABLE, name("a.b", "c\"d")),
				arguments("CREATE TABLE café (naïve text)", CREATE_TABLE, name("café")),
				arguments("CREATE TABLE таблица (колонка int)", CREATE_TABLE, name("таблица")),
				arguments("CREATE TABLE ТАБЛИЦА (a int)", CREATE_TABLE, name("ТАБЛИЦА")),
				arguments("CREATE TABLE public.user (a int)", CREATE_TABLE, name("public", "user")),
				arguments("CREATE TABLE if (a int)", CREATE_TABLE, name("if")),
				arguments("CREATE TABLE t ()", CREATE_TABLE, name("t")),
				arguments("CREATE TABLE t (LIKE s INCLUDING ALL)", CREATE_TABLE, name("t")),
				arguments("CREATE TEMP TABLE t (a int)", CREATE_TABLE, name("t")),
				arguments("CREATE TABLE t (a int) PARTITION BY RANGE (a)", CREATE_TABLE, name("t")),
				arguments("CREATE UNLOGGED TABLE t (a int) WITH (fillfactor = 70) TABLESPACE fast", CREATE_TABLE,
						name("t")),
				arguments("CREATE GLOBAL TEMPORARY TABLE t (a int) ON COMMIT DROP", CREATE_TABLE, name("t")),
				arguments("CREATE TABLE c (a int) INHERITS (p)", CREATE_TABLE, name("c")),
				arguments("CREATE TABLE s.p1 PARTITION OF s.p FOR VALUES FROM (1) TO (10)", CREATE_TABLE,
						name("s", "p1")),
				arguments("-- leading comment\n/* and /* nested */ block */ CREATE TABLE t (a int);", CREATE_TABLE,
						name("t")),
				arguments("CREATE TABLE t AS SELECT 1", CREATE_TABLE_AS, name("t")),
				arguments("CREATE TABLE t (a, b) AS SELECT 1, 2", CREATE_TABLE_AS, name("t")),
				arguments("CREATE TABLE IF NOT EXISTS s.t AS TABLE u WITH NO DATA", CREATE_TABLE_AS, name("s", "t")),
				arguments("SELECT * INTO new_t FROM t", CREATE_TABLE_AS, name("new_t")),
				arguments("SELECT a, b INTO TEMP TABLE tmp FROM t WHERE a IN (SELECT 1)", CREATE_TABLE_AS, name("tmp")),
				arguments("SELECT a INTO UNLOGGED t FROM s", CREATE_TABLE_AS, name("t")),
				arguments("WITH x AS (SELECT 1) SELECT * INTO t2 FROM x", CREATE_TABLE_AS, name("t2")),
				// ALTER
				arguments("ALTER TABLE t ADD COLUMN c int", ALTER_TABLE, name("t")),
				arguments("ALTER TABLE IF EXISTS ONLY s.t ADD c int", ALTER_TABLE, name("s", "t")),
				arguments("ALTER TABLE t * DROP COLUMN c", ALTER_TABLE, name("t")),
				arguments("ALTER TABLE \"Old\" RENAME TO \"New\"", ALTER_TABLE, name("Old")),
				arguments("alter table t enable row level security", ALTER_TABLE, name("t")),
				arguments("ALTER INDEX IF EXISTS s.i RENAME TO j", RENAME_INDEX, name("s", "i")),
				arguments("ALTER VIEW v RENAME TO w", RENAME_OTHER, name("v")),
				arguments("ALTER TYPE mood ADD VALUE 'meh'", ALTER_TYPE_ADD_VALUE, name("mood")),
				arguments("ALTER TYPE s.mood RENAME VALUE 'sad' TO 'blue'", ALTER_TYPE_RENAME_VALUE, name("s", "mood")),
				// CREATE INDEX
				arguments("CREATE INDEX idx ON t (a)", CREATE_INDEX, name("idx")),
				arguments("CREATE INDEX idx ON s.t (a)", CREATE_INDEX, name("s", "idx")),
				arguments("CREATE INDEX ON t (a)", CREATE_INDEX, null),
				arguments("CREATE INDEX CONCURRENTLY ON ONLY t USING gin (doc jsonb_path_ops)", CREATE_INDEX, null),
				arguments("CREATE UNIQUE INDEX \"Idx\" ON \"T\" (lower(email)) WHERE deleted_at IS NULL", CREATE_INDEX,
						name("Idx")),
				arguments("CREATE INDEX key ON t (key) INCLUDE (value) WITH (fillfactor = 90)", CREATE_INDEX,
						name("key")),
				// types, domains, sequences, schemas, extensions
				arguments("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')", CREATE_ENUM_TYPE, name("mood")),
				arguments("CREATE TYPE mood AS ENUM ()", CREATE_ENUM_TYPE, name("mood")),
				arguments("CREATE TYPE s.pair AS (a int, b text)", CREATE_COMPOSITE_TYPE, name("s", "pair")),
				arguments("CREATE TYPE floatrange AS RANGE (subtype = float8)", CREATE_OTHER_TYPE, name("floatrange")),
				arguments("CREATE TYPE box3 (INPUT = box3_in, OUTPUT = box3_out)", CREATE_OTHER_TYPE, name("box3")),
				arguments("CREATE TYPE shell", CREATE_OTHER_TYPE, name("shell")),
				arguments("CREATE DOMAIN email AS text CHECK (VALUE ~ '@')", CREATE_DOMAIN, name("email")),
				arguments("CREATE DOMAIN s.positive int CHECK (VALUE > 0)", CREATE_DOMAIN, name("s", "positive")),
				arguments("CREATE SEQUENCE IF NOT EXISTS s.seq START 1 INCREMENT 1", CREATE_SEQUENCE, name("s", "seq")),
				arguments("CREATE TEMP SEQUENCE seq", CREATE_SEQUENCE, name("seq")),
				arguments("CREATE UNLOGGED SEQUENCE seq", CREATE_SEQUENCE, name("seq")),
				arguments("CREATE SCHEMA IF NOT EXISTS app", CREATE_SCHEMA, name("app")),
				arguments("CREATE SCHEMA app AUTHORIZATION admin", CREATE_SCHEMA, name("app")),
				arguments("CREATE SCHEMA app AUTHORIZATION CURRENT_USER", CREATE_SCHEMA, name("app")),
				arguments("CREATE SCHEMA AUTHORIZATION admin", CREATE_SCHEMA, name("admin")),
				arguments("CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA public", CREATE_EXTENSION,
						name("uuid-ossp")),
				arguments("CREATE EXTENSION pgcrypto", CREATE_EXTENSION, name("pgcrypto")),
				// views
				arguments("CREATE VIEW v AS SELECT 1", CREATE_VIEW, name("v")),
				arguments("CREATE OR REPLACE VIEW s.v (a, b) WITH (security_barrier) AS SELECT 1, 2", CREATE_VIEW,
						name("s", "v")),
				arguments("CREATE TEMP RECURSIVE VIEW nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums",
						CREATE_VIEW, name("nums")),
				arguments("CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 1 WITH NO DATA",
						CREATE_MATERIALIZED_VIEW, name("mv")),
				arguments("CREATE MATERIALIZED VIEW s.mv USING heap AS SELECT * FROM t", CREATE_MATERIALIZED_VIEW,
						name("s", "mv")),
				// routines, triggers, policies
				arguments("CREATE FUNCTION s.f(a int) RETURNS int AS $$ SELECT a $$ LANGUAGE sql", CREATE_FUNCTION,
						name("s", "f")),
				arguments("create or replace function \"Fn\"() returns int as 'select 1' language sql", CREATE_FUNCTION,
						name("Fn")),
				arguments(
						"CREATE FUNCTION f() RETURNS trigger AS $body$ BEGIN CREATE TABLE x (a int); "
								+ "DROP TABLE y; RETURN NEW; END; $body$ LANGUAGE plpgsql;",
						CREATE_FUNCTION, name("f")),
				arguments("CREATE FUNCTION one() RETURNS int LANGUAGE sql RETURN 1", CREATE_FUNCTION, name("one")),
				arguments("CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql BEGIN ATOMIC "
						+ "SELECT CASE WHEN a > 0 THEN a + b ELSE b END; END;", CREATE_FUNCTION, name("add")),
				arguments("CREATE OR REPLACE PROCEDURE p() LANGUAGE plpgsql AS $proc$ BEGIN CREATE TABLE x (a int);"
						+ " END $proc$", CREATE_PROCEDURE, name("p")),
				arguments("CREATE PROCEDURE s.ins(v int) LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (v); "
						+ "INSERT INTO u VALUES (v); END", CREATE_PROCEDURE, name("s", "ins")),
				arguments("CREATE TRIGGER trg BEFORE INSERT OR UPDATE OF a, b ON s.t FOR EACH ROW "
						+ "EXECUTE FUNCTION f()", CREATE_TRIGGER, name("trg")),
				arguments("CREATE OR REPLACE CONSTRAINT TRIGGER ctrg AFTER INSERT ON t DEFERRABLE "
						+ "FOR EACH ROW EXECUTE FUNCTION f()", CREATE_TRIGGER, name("ctrg")),
				arguments("CREATE TRIGGER v_ins INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE PROCEDURE f()",
						CREATE_TRIGGER, name("v_ins")),
				arguments("CREATE POLICY \"Owner only\" ON s.t FOR SELECT USING (owner = current_user)", CREATE_POLICY,
						name("Owner only")),
				// DROP
				arguments("DROP TABLE t", DROP, name("t")),
				arguments("DROP TABLE IF EXISTS a, s.b CASCADE", DROP, name("a")),
				arguments("DROP INDEX CONCURRENTLY IF EXISTS s.i", DROP, name("s", "i")),
				arguments("DROP FUNCTION IF EXISTS s.f(int, text), g()", DROP, name("s", "f")),
				arguments("DROP TRIGGER IF EXISTS trg ON s.t", DROP, name("trg")),
				arguments("DROP EXTENSION \"uuid-ossp\"", DROP, name("uuid-ossp")),
				// COMMENT, GRANT, REVOKE, DO
				arguments("COMMENT ON TABLE s.t IS 'the table'", COMMENT, name("s", "t")),
				arguments("COMMENT ON COLUMN t.c IS NULL", COMMENT, name("c")),
				arguments("COMMENT ON FUNCTION f(int) IS 'x'", COMMENT, name("f")),
				arguments("COMMENT ON INDEX i IS $$dollar quoted$$", COMMENT, name("i")),
				arguments("COMMENT ON MATERIALIZED VIEW mv IS E'it\\'s'", COMMENT, name("mv")),
				arguments("GRANT SELECT, INSERT ON TABLE t TO app", GRANT, null),
				arguments("REVOKE ALL ON SCHEMA s FROM PUBLIC", REVOKE, null),
				arguments("DO $$ BEGIN END $$", DO_BLOCK, null),
				arguments("DO LANGUAGE plpgsql $body$ BEGIN CREATE TABLE x (a int); END $body$;", DO_BLOCK, null),
				arguments("DO 'BEGIN NULL; END' LANGUAGE plpgsql", DO_BLOCK, null),
				// data changes
				arguments("INSERT INTO s.t (a) VALUES (1)", INSERT, name("s", "t")),
				arguments("insert into \"T\" select 1", INSERT, name("T")),
				arguments("INSERT INTO t AS x VALUES (1) ON CONFLICT (a) DO NOTHING", INSERT, name("t")),
				arguments("UPDATE ONLY t SET a = 1", UPDATE, name("t")),
				arguments("UPDATE t AS x SET a = 1 WHERE x.b = 2", UPDATE, name("t")),
				arguments("DELETE FROM ONLY s.t WHERE a = 1", DELETE, name("s", "t")),
				arguments("TRUNCATE t", TRUNCATE, name("t")),
				arguments("TRUNCATE TABLE ONLY s.t, u RESTART IDENTITY", TRUNCATE, name("s", "t")),
				arguments("COPY t (a, b) FROM STDIN", COPY, name("t")),
				arguments("COPY s.t FROM '/tmp/x.csv' WITH (FORMAT csv)", COPY, name("s", "t")),
				arguments("WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x", INSERT, name("t")),
				arguments("WITH RECURSIVE r (n) AS (SELECT 1) UPDATE t SET a = 1", UPDATE, name("t")),
				arguments("WITH d AS MATERIALIZED (SELECT 1), e AS NOT MATERIALIZED (SELECT 2) DELETE FROM t", DELETE,
						name("t")),
				arguments("WITH moved AS (DELETE FROM a RETURNING *) INSERT INTO b SELECT * FROM moved", INSERT,
						name("b")),
				// utilities
				arguments("SELECT 1", UTILITY, null), arguments("SELECT setval('seq', 10)", UTILITY, null),
				arguments("WITH x AS (SELECT 1) SELECT * FROM x", UTILITY, null),
				arguments("SET search_path TO app, public", UTILITY, null), arguments("RESET ALL", UTILITY, null),
				arguments("SHOW search_path", UTILITY, null), arguments("CALL s.p(1)", UTILITY, null),
				arguments("REFRESH MATERIALIZED VIEW CONCURRENTLY mv", UTILITY, null),
				arguments("ANALYZE t", UTILITY, null), arguments("VACUUM", UTILITY, null),
				arguments("LOCK TABLE t IN ACCESS EXCLUSIVE MODE", UTILITY, null),
				arguments("NOTIFY channel, 'payload'", UTILITY, null), arguments("COPY t TO STDOUT", UTILITY, null),
				arguments("COPY (SELECT 1) TO STDOUT", UTILITY, null));
	}

	@ParameterizedTest
	@MethodSource("kindsAndTargets")
	void classifiesKindAndTarget(String sql, StatementKind kind, ObjectName target) {
		ClassifiedStatement statement = StatementClassifier.classify(sql);

		assertThat(statement.kind()).isEqualTo(kind);
		assertThat(statement.target()).isEqualTo(target);
		assertThat(statement.sql()).isSameAs(sql);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE RULE r AS ON INSERT TO t DO NOTHING", "ALTER SYSTEM SET work_mem = '64MB'",
			"garbage", "", "   -- only a comment", ";", "123", "(SELECT 1)", "SELECT 1; SELECT 2",
			"CREATE TABLE a (x int); CREATE TABLE b (y int)", "CREATE TABLE", "CREATE TABLE t", "CREATE TABLE t (a int",
			"CREATE TABLE t (a int,)", "CREATE TABLE t (a)", "CREATE TABLE t (select int)",
			"CREATE TABLE t (a int) garbage", "CREATE TABLE t OF some_type", "CREATE TABLE table (a int)",
			"CREATE TABLE db.s.t (a int)", "CREATE TABLE U&\"d\\0061t\" (a int)", "CREATE OR REPLACE TABLE t (a int)",
			"CREATE UNIQUE TABLE t (a int)", "CREATE LOCAL TABLE t (a int)", "CREATE TABLE p1 PARTITION OF p",
			"CREATE TEMP FUNCTION f() RETURNS int RETURN 1", "CREATE FUNCTION f RETURNS int", "CREATE INDEX ON t",
			"CREATE INDEX s.i ON t (a)", "CREATE INDEX IF NOT EXISTS ON t (a)",
			"CREATE SCHEMA s CREATE TABLE t (a int)", "CREATE SCHEMA AUTHORIZATION CURRENT_USER",
			"CREATE TYPE t AS ENUM", "CREATE TYPE t AS ENUM ('a') garbage", "CREATE DOMAIN d", "CREATE VIEW v",
			"CREATE MATERIALIZED VIEW mv", "CREATE TRIGGER trg ON t", "CREATE TRIGGER trg BEFORE INSERT",
			"CREATE POLICY p FOR SELECT", "CREATE DATABASE db", "CREATE ROLE r LOGIN",
			"CREATE EVENT TRIGGER e ON ddl_command_start EXECUTE FUNCTION f()",
			"CREATE FOREIGN TABLE ft (a int) SERVER s", "ALTER SEQUENCE s RESTART WITH 1",
			"ALTER SEQUENCE s OWNED BY t.id", "ALTER INDEX i SET TABLESPACE x", "ALTER INDEX i RENAME TO s.j",
			"ALTER TYPE mood OWNER TO admin", "ALTER TYPE mood RENAME ATTRIBUTE a TO b",
			"ALTER TYPE mood ADD VALUE 'x' garbage", "ALTER TYPE mood ADD VALUE U&'x'", "ALTER TABLE t",
			"ALTER TABLE t RENAME TO u, ADD COLUMN c int", "ALTER TABLE t ADD COLUMN c int, SET SCHEMA s",
			"ALTER TABLE t ADD COLUMN", "ALTER TABLE t ADD COLUMN a int,", "ALTER TABLE t ADD COLUMN select int",
			"ALTER TABLE t ADD COLUMN a numeric(10", "ALTER TABLE t DROP COLUMN a b",
			"ALTER TABLE t ALTER COLUMN a DROP DEFAULT now", "ALTER TABLE t ADD CONSTRAINT c NOT NULL a",
			"ALTER TABLE t RENAME a", "ALTER TABLE ALL IN TABLESPACE a SET TABLESPACE b", "DROP DATABASE db",
			"DROP ROLE r", "DROP OWNED BY r", "DROP TABLE", "DROP TABLE t extra", "DROP TABLE a,", "DROP TRIGGER trg",
			"DROP TRIGGER a ON t, b ON t", "COMMENT ON DATABASE db IS 'x'", "COMMENT ON COLUMN c IS 'x'",
			"COMMENT ON CONSTRAINT c ON DOMAIN d IS 'x'", "COMMENT ON TABLE t IS 42", "COMMENT ON TABLE t",
			"MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE",
			"WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d",
			"WITH x AS (SELECT 1) MERGE INTO t USING x ON true WHEN MATCHED THEN DELETE",
			"EXPLAIN ANALYZE DELETE FROM t", "BEGIN", "COMMIT", "VALUES (1)", "INSERT INTO user VALUES (1)",
			"INSERT t VALUES (1)", "DELETE t", "COPY t", "DO", "DO LANGUAGE plpgsql", "GRANT", "REFRESH mv" })
	void leavesWhatItDoesNotFullyRecogniseUnknown(String sql) {
		ClassifiedStatement statement = StatementClassifier.classify(sql);

		assertThat(statement.kind()).isEqualTo(UNKNOWN);
		assertThat(statement.target()).isNull();
		assertThat(statement.sql()).isSameAs(sql);
	}

	static Stream<Arguments> flags() {
		return Stream.of(
				arguments("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx ON ONLY t (a)",
						Set.of(Flag.CONCURRENTLY)),
				arguments("CREATE INDEX idx ON t (a)", Set.of()),
				arguments("CREATE TEMPORARY TABLE t (a int)", Set.of(Flag.TEMPORARY)),
				arguments("CREATE LOCAL TEMP TABLE IF NOT EXISTS t (a int)", Set.of(Flag.TEMPORARY)),
				arguments("CREATE UNLOGGED TABLE t (a int)", Set.of(Flag.UNLOGGED)),
				arguments("CREATE TABLE p1 PARTITION OF p DEFAULT", Set.of(Flag.PARTITION_OF)),
				arguments("CREATE TEMP TABLE t AS SELECT 1", Set.of(Flag.TEMPORARY)),
				arguments("ALTER TABLE IF EXISTS ONLY t ADD c int", Set.of(Flag.ONLY)),
				arguments("DROP INDEX CONCURRENTLY IF EXISTS i CASCADE", Set.of(Flag.CONCURRENTLY, Flag.IF_EXISTS)));
	}

	@ParameterizedTest
	@MethodSource("flags")
	void recognisesFlags(String sql, Set<Flag> flags) {
		assertThat(StatementClassifier.classify(sql).flags()).containsExactlyInAnyOrderElementsOf(flags);
	}

	static Stream<Arguments> tableElements() {
		return Stream.of(
				arguments("CREATE TABLE t (id bigint PRIMARY KEY, name text NOT NULL DEFAULT 'a, b')",
						List.of(column("id", "id bigint PRIMARY KEY"),
								column("name", "name text NOT NULL DEFAULT 'a, b'"))),
				arguments(
						"CREATE TABLE t (type text, key int, value jsonb, name text, position int, \"table\" int,"
								+ " \"check\" bool, exclude int)",
						List.of(column("type", "type text"), column("key", "key int"), column("value", "value jsonb"),
								column("name", "name text"), column("position", "position int"),
								column("table", "\"table\" int"), column("check", "\"check\" bool"),
								column("exclude", "exclude int"))),
				arguments("CREATE TABLE t (\"UserId\" int, UserId int, \"with \"\"quotes\"\"\" int)",
						List.of(column("UserId", "\"UserId\" int"), column("userid", "UserId int"),
								column("with \"quotes\"", "\"with \"\"quotes\"\"\" int"))),
				arguments(
						"CREATE TABLE t (a numeric(10,2), b int[] DEFAULT ARRAY[1,2], c int CHECK (c IN (1,2)),"
								+ " d int GENERATED ALWAYS AS (a * 2) STORED)",
						List.of(column("a", "a numeric(10,2)"), column("b", "b int[] DEFAULT ARRAY[1,2]"),
								column("c", "c int CHECK (c IN (1,2))"),
								column("d", "d int GENERATED ALWAYS AS (a * 2) STORED"))),
				arguments("CREATE TABLE t (a int, PRIMARY KEY (a, b), UNIQUE (a), FOREIGN KEY (a) REFERENCES u (id)"
						+ " ON DELETE CASCADE, CHECK (a > 0), EXCLUDE USING gist (r WITH &&), EXCLUDE (a WITH =))",
						List.of(column("a", "a int"), constraint(null, "PRIMARY KEY (a, b)"),
								constraint(null, "UNIQUE (a)"),
								constraint(null, "FOREIGN KEY (a) REFERENCES u (id) ON DELETE CASCADE"),
								constraint(null, "CHECK (a > 0)"), constraint(null, "EXCLUDE USING gist (r WITH &&)"),
								constraint(null, "EXCLUDE (a WITH =)"))),
				arguments(
						"CREATE TABLE t (id int, CONSTRAINT pk PRIMARY KEY (id), CONSTRAINT \"Fk\" FOREIGN KEY (id)"
								+ " REFERENCES u, constraint ck check (id > 0) not valid)",
						List.of(column("id", "id int"), constraint("pk", "CONSTRAINT pk PRIMARY KEY (id)"),
								constraint("Fk", "CONSTRAINT \"Fk\" FOREIGN KEY (id) REFERENCES u"),
								constraint("ck", "constraint ck check (id > 0) not valid"))),
				arguments("CREATE TABLE t (LIKE s INCLUDING DEFAULTS, extra int)",
						List.of(new TableElement(Type.LIKE, null, "LIKE s INCLUDING DEFAULTS"),
								column("extra", "extra int"))),
				arguments("CREATE TABLE t (\n  id int, -- the id\n  naïve text /* inline */ NOT NULL\n)",
						List.of(column("id", "id int"), column("naïve", "naïve text /* inline */ NOT NULL"))),
				arguments("CREATE TABLE таблица (Колонка int, café text)",
						List.of(column("Колонка", "Колонка int"), column("café", "café text"))),
				arguments("CREATE TABLE t (body text DEFAULT $$x, y$$, note text DEFAULT E'\\', z')",
						List.of(column("body", "body text DEFAULT $$x, y$$"),
								column("note", "note text DEFAULT E'\\', z'"))),
				arguments(
						"CREATE TABLE p1 PARTITION OF p (CONSTRAINT ck CHECK (a > 0), a WITH OPTIONS DEFAULT 1)"
								+ " FOR VALUES IN (1, 2)",
						List.of(constraint("ck", "CONSTRAINT ck CHECK (a > 0)"),
								column("a", "a WITH OPTIONS DEFAULT 1"))),
				arguments("CREATE TABLE p1 PARTITION OF p FOR VALUES IN (1)", List.of()),
				arguments("CREATE TABLE t ()", List.of()));
	}

	@ParameterizedTest
	@MethodSource("tableElements")
	void splitsCreateTableIntoElements(String sql, List<TableElement> elements) {
		ClassifiedStatement statement = StatementClassifier.classify(sql);

		assertThat(statement.kind()).isEqualTo(CREATE_TABLE);
		assertThat(statement.elements()).containsExactlyElementsOf(elements);
	}

	static Stream<Arguments> alterActions() {
		return Stream.of(
				arguments("ALTER TABLE t ADD COLUMN c int", List.of(action(Kind.ADD_COLUMN, "c", "ADD COLUMN c int"))),
				arguments("ALTER TABLE t ADD c int", List.of(action(Kind.ADD_COLUMN, "c", "ADD c int"))),
				arguments("ALTER TABLE t ADD IF NOT EXISTS c int",
						List.of(new AlterAction(Kind.ADD_COLUMN, "c", null, null, Set.of(Flag.IF_NOT_EXISTS),
								"ADD IF NOT EXISTS c int"))),
				arguments("ALTER TABLE t ADD COLUMN IF NOT EXISTS \"Col\" text NOT NULL DEFAULT 'x,y'",
						List.of(new AlterAction(Kind.ADD_COLUMN, "Col", null, null, Set.of(Flag.IF_NOT_EXISTS),
								"ADD COLUMN IF NOT EXISTS \"Col\" text NOT NULL DEFAULT 'x,y'"))),
				arguments("ALTER TABLE t ADD exclude int",
						List.of(action(Kind.ADD_COLUMN, "exclude", "ADD exclude int"))),
				arguments("ALTER TABLE t ADD COLUMN type text",
						List.of(action(Kind.ADD_COLUMN, "type", "ADD COLUMN type text"))),
				arguments("ALTER TABLE t ADD CONSTRAINT pk PRIMARY KEY (id)",
						List.of(constraintAction("pk", "PRIMARY KEY", "ADD CONSTRAINT pk PRIMARY KEY (id)"))),
				arguments("ALTER TABLE t ADD CONSTRAINT \"Uq\" UNIQUE USING INDEX i",
						List.of(constraintAction("Uq", "UNIQUE", "ADD CONSTRAINT \"Uq\" UNIQUE USING INDEX i"))),
				arguments("ALTER TABLE t ADD PRIMARY KEY (a, b)",
						List.of(constraintAction(null, "PRIMARY KEY", "ADD PRIMARY KEY (a, b)"))),
				arguments("ALTER TABLE t ADD UNIQUE (a)", List.of(constraintAction(null, "UNIQUE", "ADD UNIQUE (a)"))),
				arguments("ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES u (id)",
						List.of(constraintAction(null, "FOREIGN KEY", "ADD FOREIGN KEY (a) REFERENCES u (id)"))),
				arguments("ALTER TABLE t ADD CHECK (a > 0) NOT VALID",
						List.of(constraintAction(null, "CHECK", "ADD CHECK (a > 0) NOT VALID"))),
				arguments("ALTER TABLE t ADD EXCLUDE USING gist (r WITH &&)",
						List.of(constraintAction(null, "EXCLUDE", "ADD EXCLUDE USING gist (r WITH &&)"))),
				arguments("ALTER TABLE t ADD CONSTRAINT no_overlap EXCLUDE (r WITH &&)",
						List.of(constraintAction("no_overlap", "EXCLUDE",
								"ADD CONSTRAINT no_overlap EXCLUDE (r WITH &&)"))),
				arguments("ALTER TABLE t DROP c", List.of(action(Kind.DROP_COLUMN, "c", "DROP c"))),
				arguments("ALTER TABLE t DROP COLUMN IF EXISTS c CASCADE",
						List.of(action(Kind.DROP_COLUMN, "c", "DROP COLUMN IF EXISTS c CASCADE"))),
				arguments("ALTER TABLE t DROP CONSTRAINT IF EXISTS \"Fk\" RESTRICT",
						List.of(action(Kind.DROP_CONSTRAINT, "Fk", "DROP CONSTRAINT IF EXISTS \"Fk\" RESTRICT"))),
				arguments("ALTER TABLE t ALTER COLUMN c TYPE bigint",
						List.of(action(Kind.ALTER_COLUMN_TYPE, "c", "ALTER COLUMN c TYPE bigint"))),
				arguments("ALTER TABLE t ALTER c SET DATA TYPE numeric(10, 2) USING c::numeric",
						List.of(action(Kind.ALTER_COLUMN_TYPE, "c",
								"ALTER c SET DATA TYPE numeric(10, 2) USING c::numeric"))),
				arguments("ALTER TABLE t ALTER COLUMN type TYPE text",
						List.of(action(Kind.ALTER_COLUMN_TYPE, "type", "ALTER COLUMN type TYPE text"))),
				arguments("ALTER TABLE t ALTER COLUMN c SET DEFAULT now()",
						List.of(action(Kind.ALTER_COLUMN_SET_DEFAULT, "c", "ALTER COLUMN c SET DEFAULT now()"))),
				arguments("ALTER TABLE t ALTER COLUMN c DROP DEFAULT",
						List.of(action(Kind.ALTER_COLUMN_DROP_DEFAULT, "c", "ALTER COLUMN c DROP DEFAULT"))),
				arguments("ALTER TABLE t ALTER COLUMN c SET NOT NULL",
						List.of(action(Kind.ALTER_COLUMN_SET_NOT_NULL, "c", "ALTER COLUMN c SET NOT NULL"))),
				arguments("ALTER TABLE t ALTER c DROP NOT NULL",
						List.of(action(Kind.ALTER_COLUMN_DROP_NOT_NULL, "c", "ALTER c DROP NOT NULL"))),
				arguments("ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY",
						List.of(action(Kind.OTHER, "id", "ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY"))),
				arguments("ALTER TABLE t ALTER id ADD GENERATED BY DEFAULT AS IDENTITY (START WITH 10)",
						List.of(action(Kind.OTHER, "id",
								"ALTER id ADD GENERATED BY DEFAULT AS IDENTITY (START WITH 10)"))),
				arguments("ALTER TABLE t ALTER COLUMN c SET STATISTICS 100",
						List.of(action(Kind.OTHER, null, "ALTER COLUMN c SET STATISTICS 100"))),
				arguments("ALTER TABLE t ALTER CONSTRAINT fk DEFERRABLE",
						List.of(action(Kind.OTHER, null, "ALTER CONSTRAINT fk DEFERRABLE"))),
				arguments("ALTER TABLE t RENAME COLUMN a TO b",
						List.of(new AlterAction(Kind.RENAME_COLUMN, "a", "b", null, Set.of(), "RENAME COLUMN a TO b"))),
				arguments("ALTER TABLE t RENAME \"Old\" TO \"New\"",
						List.of(new AlterAction(Kind.RENAME_COLUMN, "Old", "New", null, Set.of(),
								"RENAME \"Old\" TO \"New\""))),
				arguments("ALTER TABLE t RENAME CONSTRAINT a TO b",
						List.of(new AlterAction(Kind.RENAME_CONSTRAINT, "a", "b", null, Set.of(),
								"RENAME CONSTRAINT a TO b"))),
				arguments("ALTER TABLE t RENAME TO u",
						List.of(new AlterAction(Kind.RENAME_TABLE, "u", "u", null, Set.of(), "RENAME TO u"))),
				arguments("ALTER TABLE p ATTACH PARTITION s.p1 FOR VALUES FROM (1) TO (10)",
						List.of(action(Kind.OTHER, "p1", "ATTACH PARTITION s.p1 FOR VALUES FROM (1) TO (10)"))),
				arguments("ALTER TABLE p ATTACH PARTITION \"P2\" DEFAULT",
						List.of(action(Kind.OTHER, "P2", "ATTACH PARTITION \"P2\" DEFAULT"))),
				arguments("ALTER TABLE p DETACH PARTITION p1",
						List.of(action(Kind.OTHER, null, "DETACH PARTITION p1"))),
				arguments("ALTER TABLE t SET SCHEMA app", List.of(action(Kind.OTHER, "app", "SET SCHEMA app"))),
				arguments("ALTER TABLE t OWNER TO admin", List.of(action(Kind.OTHER, null, "OWNER TO admin"))),
				arguments("ALTER TABLE t SET (fillfactor = 70, autovacuum_enabled = false), VALIDATE CONSTRAINT c",
						List.of(action(Kind.OTHER, null, "SET (fillfactor = 70, autovacuum_enabled = false)"),
								action(Kind.OTHER, null, "VALIDATE CONSTRAINT c"))),
				arguments("ALTER TABLE t\n  ADD COLUMN a int,\n  ADD COLUMN b numeric(10,2) DEFAULT 0, -- money\n"
						+ "  DROP COLUMN c,\n  ADD CONSTRAINT ck CHECK (a IN (1, 2)),\n  ALTER COLUMN d SET NOT NULL;",
						List.of(action(Kind.ADD_COLUMN, "a", "ADD COLUMN a int"),
								action(Kind.ADD_COLUMN, "b", "ADD COLUMN b numeric(10,2) DEFAULT 0"),
								action(Kind.DROP_COLUMN, "c", "DROP COLUMN c"),
								constraintAction("ck", "CHECK", "ADD CONSTRAINT ck CHECK (a IN (1, 2))"),
								action(Kind.ALTER_COLUMN_SET_NOT_NULL, "d", "ALTER COLUMN d SET NOT NULL"))));
	}

	@ParameterizedTest
	@MethodSource("alterActions")
	void splitsAlterTableIntoActions(String sql, List<AlterAction> actions) {
		ClassifiedStatement statement = StatementClassifier.classify(sql);

		assertThat(statement.kind()).isEqualTo(ALTER_TABLE);
		assertThat(statement.actions()).containsExactlyElementsOf(actions);
	}

	@ParameterizedTest
	@MethodSource("alterActions")
	void eachActionRunsOnItsOwn(String sql, List<AlterAction> actions) {
		ObjectName table = StatementClassifier.classify(sql).target();

		for (AlterAction action : actions) {
			ClassifiedStatement single = StatementClassifier
				.classify("ALTER TABLE " + table.toSql() + " " + action.text());
			assertThat(single.target()).isEqualTo(table);
			assertThat(single.actions()).containsExactly(action);
		}
	}

	static Stream<Arguments> targetSpans() {
		return Stream.of(arguments("CREATE TABLE \"My Schema\".\"T\" (a int)", "\"My Schema\".\"T\""),
				arguments("-- comment\nCREATE TABLE public . t (a int)", "public . t"),
				arguments("CREATE TEMP TABLE IF NOT EXISTS café (a int)", "café"),
				arguments("CREATE TABLE s.t AS SELECT 1", "s.t"),
				arguments("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Idx\" ON s.t (a)", "\"Idx\""),
				arguments("CREATE OR REPLACE VIEW s.v AS SELECT 1", "s.v"),
				arguments("CREATE MATERIALIZED VIEW mv AS SELECT 1", "mv"),
				arguments("CREATE TYPE s.mood AS ENUM ('a')", "s.mood"),
				arguments("CREATE TYPE pair AS (a int)", "pair"), arguments("CREATE TYPE shell", "shell"),
				arguments("CREATE DOMAIN \"D\" AS int", "\"D\""),
				arguments("CREATE SEQUENCE IF NOT EXISTS s.seq", "s.seq"),
				arguments("CREATE FUNCTION s.f(a int) RETURNS int RETURN a", "s.f"),
				arguments("CREATE PROCEDURE p() LANGUAGE sql AS $$ SELECT 1 $$", "p"),
				arguments("CREATE SCHEMA IF NOT EXISTS app", "app"),
				arguments("CREATE EXTENSION \"uuid-ossp\"", "\"uuid-ossp\""),
				arguments("ALTER TABLE ONLY s.t ADD c int", "s.t"), arguments("DROP TABLE IF EXISTS a, b", "a"));
	}

	@ParameterizedTest
	@MethodSource("targetSpans")
	void locatesTargetInSource(String sql, String targetText) {
		TextSpan span = StatementClassifier.classify(sql).targetSpan();

		assertThat(span).isNotNull();
		assertThat(sql.substring(span.start(), span.end())).isEqualTo(targetText);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CREATE INDEX ON t (a)", "SELECT 1", "GRANT SELECT ON t TO r", "garbage" })
	void hasNoSpanWithoutTarget(String sql) {
		assertThat(StatementClassifier.classify(sql).targetSpan()).isNull();
	}

	static Stream<Arguments> renames() {
		return Stream.of(arguments("ALTER INDEX i RENAME TO j", RENAME_INDEX, "INDEX", "j"),
				arguments("ALTER INDEX s.\"I\" RENAME TO \"J\"", RENAME_INDEX, "INDEX", "J"),
				arguments("ALTER VIEW IF EXISTS s.v RENAME TO \"V2\"", RENAME_OTHER, "VIEW", "V2"),
				arguments("ALTER MATERIALIZED VIEW mv RENAME TO mv2", RENAME_OTHER, "MATERIALIZED VIEW", "mv2"),
				arguments("ALTER SEQUENCE seq RENAME TO Seq2", RENAME_OTHER, "SEQUENCE", "seq2"),
				arguments("ALTER TYPE t RENAME TO u", RENAME_OTHER, "TYPE", "u"),
				arguments("ALTER DOMAIN d RENAME TO e", RENAME_OTHER, "DOMAIN", "e"),
				arguments("ALTER FUNCTION f(int, text) RENAME TO g", RENAME_OTHER, "FUNCTION", "g"),
				arguments("ALTER PROCEDURE p RENAME TO q", RENAME_OTHER, "PROCEDURE", "q"),
				arguments("ALTER SCHEMA s RENAME TO t", RENAME_OTHER, "SCHEMA", "t"),
				arguments("ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok'", ALTER_TYPE_ADD_VALUE, null, "meh"),
				arguments("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'Meh' AFTER 'ok'", ALTER_TYPE_ADD_VALUE, null,
						"Meh"),
				arguments("ALTER TYPE mood ADD VALUE E'it\\'s'", ALTER_TYPE_ADD_VALUE, null, "it's"),
				arguments("ALTER TYPE mood ADD VALUE 'it''s; -- fine'", ALTER_TYPE_ADD_VALUE, null, "it's; -- fine"),
				arguments("ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'", ALTER_TYPE_RENAME_VALUE, null, "blue"));
	}

	@ParameterizedTest
	@MethodSource("renames")
	void recognisesRenamesAndEnumLabels(String sql, StatementKind kind, String objectType, String newName) {
		ClassifiedStatement statement = StatementClassifier.classify(sql);

		assertThat(statement.kind()).isEqualTo(kind);
		assertThat(statement.objectType()).isEqualTo(objectType);
		assertThat(statement.newName()).isEqualTo(newName);
	}

	static Stream<Arguments> tablesOfObjects() {
		return Stream.of(arguments("CREATE INDEX i ON s.t (a)", name("s", "t")),
				arguments("CREATE INDEX ON ONLY \"T\" (a)", name("T")),
				arguments("CREATE TRIGGER trg AFTER DELETE ON s.t FOR EACH ROW EXECUTE FUNCTION f()", name("s", "t")),
				arguments("CREATE POLICY p ON t USING (true)", name("t")),
				arguments("DROP TRIGGER trg ON s.t CASCADE", name("s", "t")),
				arguments("DROP POLICY IF EXISTS p ON t", name("t")),
				arguments("COMMENT ON COLUMN s.t.c IS 'x'", name("s", "t")),
				arguments("COMMENT ON COLUMN \"T\".\"C\" IS 'x'", name("T")),
				arguments("COMMENT ON TRIGGER trg ON t IS 'x'", name("t")),
				arguments("COMMENT ON CONSTRAINT ck ON s.t IS 'x'", name("s", "t")),
				arguments("CREATE TABLE t (a int)", null), arguments("DROP TABLE t", null));
	}

	@ParameterizedTest
	@MethodSource("tablesOfObjects")
	void namesTheTableAnObjectIsOn(String sql, ObjectName table) {
		assertThat(StatementClassifier.classify(sql).table()).isEqualTo(table);
	}

	static Stream<Arguments> drops() {
		return Stream.of(
				arguments("DROP TABLE IF EXISTS a, s.b, \"C\" CASCADE", "TABLE",
						List.of(name("a"), name("s", "b"), name("C"))),
				arguments("DROP MATERIALIZED VIEW mv1, mv2", "MATERIALIZED VIEW", List.of(name("mv1"), name("mv2"))),
				arguments("DROP FUNCTION IF EXISTS s.f(int, text), g(), h", "FUNCTION",
						List.of(name("s", "f"), name("g"), name("h"))),
				arguments("DROP PROCEDURE p(int)", "PROCEDURE", List.of(name("p"))),
				arguments("DROP TYPE mood", "TYPE", List.of(name("mood"))),
				arguments("DROP DOMAIN IF EXISTS d", "DOMAIN", List.of(name("d"))),
				arguments("DROP SEQUENCE s.seq", "SEQUENCE", List.of(name("s", "seq"))),
				arguments("drop view v restrict", "VIEW", List.of(name("v"))),
				arguments("DROP SCHEMA IF EXISTS app, \"Other\" CASCADE", "SCHEMA",
						List.of(name("app"), name("Other"))),
				arguments("DROP EXTENSION IF EXISTS pgcrypto", "EXTENSION", List.of(name("pgcrypto"))),
				arguments("DROP INDEX CONCURRENTLY s.i", "INDEX", List.of(name("s", "i"))),
				arguments("DROP TRIGGER trg ON t", "TRIGGER", List.of(name("trg"))),
				arguments("DROP POLICY p ON t", "POLICY", List.of(name("p"))),
				arguments("DROP FOREIGN TABLE ft", "FOREIGN TABLE", List.of(name("ft"))));
	}

	@ParameterizedTest
	@MethodSource("drops")
	void listsEveryDroppedObject(String sql, String objectType, List<ObjectName> targets) {
		ClassifiedStatement statement = StatementClassifier.classify(sql);

		assertThat(statement.kind()).isEqualTo(DROP);
		assertThat(statement.objectType()).isEqualTo(objectType);
		assertThat(statement.targets()).containsExactlyElementsOf(targets);
		assertThat(statement.target()).isEqualTo(targets.get(0));
	}

	static Stream<Arguments> comments() {
		return Stream.of(arguments("COMMENT ON TABLE s.t IS 'x'", "TABLE"),
				arguments("COMMENT ON COLUMN t.c IS 'x'", "COLUMN"),
				arguments("COMMENT ON MATERIALIZED VIEW mv IS 'x'", "MATERIALIZED VIEW"),
				arguments("COMMENT ON FOREIGN TABLE ft IS 'x'", "FOREIGN TABLE"),
				arguments("comment on schema app is null", "SCHEMA"),
				arguments("COMMENT ON EXTENSION pgcrypto IS 'x'", "EXTENSION"),
				arguments("COMMENT ON POLICY p ON t IS 'x'", "POLICY"));
	}

	@ParameterizedTest
	@MethodSource("comments")
	void recognisesCommentObjectTypes(String sql, String objectType) {
		ClassifiedStatement statement = StatementClassifier.classify(sql);

		assertThat(statement.kind()).isEqualTo(COMMENT);
		assertThat(statement.objectType()).isEqualTo(objectType);
	}

	@Test
	void functionBodyDoesNotLeakIntoClassification() {
		String sql = "CREATE FUNCTION audit() RETURNS trigger LANGUAGE plpgsql AS $fn$\n"
				+ "BEGIN\n  CREATE TABLE IF NOT EXISTS log (id int);\n  ALTER TABLE log ADD COLUMN x int;\n"
				+ "  RETURN NEW;\nEND;\n$fn$;";

		ClassifiedStatement statement = StatementClassifier.classify(sql);

		assertThat(statement.kind()).isEqualTo(CREATE_FUNCTION);
		assertThat(statement.target()).isEqualTo(name("audit"));
		assertThat(statement.flags()).isEmpty();
		assertThat(statement.elements()).isEmpty();
	}

	@Test
	void foldsUnquotedAndKeepsQuotedNames() {
		ClassifiedStatement statement = StatementClassifier
			.classify("CREATE INDEX \"MixedIdx\" ON \"My Schema\".Orders (CustomerId)");

		assertThat(statement.target()).isEqualTo(name("My Schema", "MixedIdx"));
		assertThat(statement.table()).isEqualTo(name("My Schema", "orders"));
	}

	private static ObjectName name(String name) {
		return ObjectName.of(name);
	}

	private static ObjectName name(String schema, String name) {
		return new ObjectName(schema, name);
	}

	private static TableElement column(String name, String text) {
		return new TableElement(Type.COLUMN, name, text);
	}

	private static TableElement constraint(String name, String text) {
		return new TableElement(Type.CONSTRAINT, name, text);
	}

	private static AlterAction action(Kind kind, String name, String text) {
		return new AlterAction(kind, name, null, null, Set.of(), text);
	}

	private static AlterAction constraintAction(String name, String constraintType, String text) {
		return new AlterAction(Kind.ADD_CONSTRAINT, name, null, constraintType, Set.of(), text);
	}

}
