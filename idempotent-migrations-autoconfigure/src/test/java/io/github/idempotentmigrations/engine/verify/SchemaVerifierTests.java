package io.github.idempotentmigrations.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import io.github.idempotentmigrations.engine.report.EnsuredObject;
import io.github.idempotentmigrations.engine.report.EnsuredObject.Type;
import io.github.idempotentmigrations.engine.verify.Drift.Problem;
import io.github.idempotentmigrations.testsupport.PostgresDatabaseExtension;
import io.github.idempotentmigrations.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresDatabaseExtension.class)
class SchemaVerifierTests {

    private static final String SCHEMA = """
            CREATE EXTENSION IF NOT EXISTS pgcrypto;
            CREATE SCHEMA app;
            CREATE TYPE app.mood AS ENUM ('happy', 'sad');
            CREATE SEQUENCE app.ticket_seq;
            CREATE TABLE app.chats (id bigint PRIMARY KEY, title text NOT NULL, "Quoted Col" int,
                CONSTRAINT chats_title_not_blank CHECK (title <> ''));
            CREATE INDEX chats_title_idx ON app.chats (title);
            CREATE VIEW app.chat_titles AS SELECT title FROM app.chats;
            CREATE MATERIALIZED VIEW app.chat_count AS SELECT count(*) FROM app.chats;
            CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            CREATE TRIGGER chats_touch BEFORE UPDATE ON app.chats FOR EACH ROW EXECUTE FUNCTION app.touch();
            CREATE POLICY chats_owner ON app.chats USING (true);
            CREATE TABLE public.plain (id int);
            """;

    private static final List<EnsuredObject> EVERY_TYPE = List.of(new EnsuredObject(Type.SCHEMA, null, null, "app"),
            new EnsuredObject(Type.EXTENSION, null, null, "pgcrypto"),
            new EnsuredObject(Type.TYPE, "app", null, "mood"),
            new EnsuredObject(Type.ENUM_VALUE, "app", "mood", "sad"),
            new EnsuredObject(Type.SEQUENCE, "app", null, "ticket_seq"),
            new EnsuredObject(Type.TABLE, "app", null, "chats"),
            new EnsuredObject(Type.COLUMN, "app", "chats", "title"),
            new EnsuredObject(Type.COLUMN, "app", "chats", "Quoted Col"),
            new EnsuredObject(Type.CONSTRAINT, "app", "chats", "chats_title_not_blank"),
            new EnsuredObject(Type.INDEX, "app", "chats", "chats_title_idx"),
            new EnsuredObject(Type.VIEW, "app", null, "chat_titles"),
            new EnsuredObject(Type.MATERIALIZED_VIEW, "app", null, "chat_count"),
            new EnsuredObject(Type.FUNCTION, "app", null, "touch"),
            new EnsuredObject(Type.TRIGGER, "app", "chats", "chats_touch"),
            new EnsuredObject(Type.POLICY, "app", "chats", "chats_owner"),
            new EnsuredObject(Type.TABLE, null, null, "plain"));

    private final SchemaVerifier verifier = new SchemaVerifier();

    @Test
    void passesWhenEveryEnsuredObjectIsPresent(TestDatabase database) throws Exception {
        database.execute(SCHEMA);

        VerificationResult result = verify(database, EVERY_TYPE);

        assertThat(result.passed()).isTrue();
        assertThat(result.checked()).isEqualTo(EVERY_TYPE.size());
    }

    @Test
    void namesEachMissingObjectInTheOrderGiven(TestDatabase database) throws Exception {
        database.execute(SCHEMA);
        database.execute("""
                ALTER TABLE app.chats DROP COLUMN "Quoted Col";
                DROP TRIGGER chats_touch ON app.chats;
                DROP VIEW app.chat_titles;
                """);

        VerificationResult result = verify(database, EVERY_TYPE);

        assertThat(result.drift()).extracting(Drift::describe)
            .containsExactly("column app.chats.Quoted Col is missing", "view app.chat_titles is missing",
                    "trigger app.chats.chats_touch is missing");
    }

    @Test
    void reportsAnInvalidIndexAsInvalidNotMissing(TestDatabase database) throws Exception {
        database.execute(SCHEMA);
        database.execute("UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'app.chats_title_idx'::regclass");

        VerificationResult result = verify(database,
                List.of(new EnsuredObject(Type.INDEX, "app", "chats", "chats_title_idx"),
                        new EnsuredObject(Type.INDEX, "app", "chats", "chats_gone_idx")));

        assertThat(result.drift()).extracting(Drift::problem).containsExactly(Problem.INVALID, Problem.MISSING);
    }

    @Test
    void doesNotConfuseObjectsOfTheSameNameInOtherSchemasOrOfOtherKinds(TestDatabase database) throws Exception {
        database.execute(SCHEMA);

        VerificationResult result = verify(database, List.of(new EnsuredObject(Type.TABLE, "public", null, "chats"),
                new EnsuredObject(Type.TABLE, "app", null, "chat_titles"),
                new EnsuredObject(Type.ENUM_VALUE, "app", "mood", "angry")));

        assertThat(result.drift()).extracting(Drift::describe)
            .containsExactly("table public.chats is missing", "table app.chat_titles is missing",
                    "enum value app.mood.angry is missing");
    }

    @Test
    void runsOneQueryPerObjectTypeHoweverManyObjects(TestDatabase database) throws Exception {
        database.execute(SCHEMA);
        List<EnsuredObject> objects = new ArrayList<>(EVERY_TYPE);
        IntStream.range(0, 200).forEach(i -> objects.add(new EnsuredObject(Type.COLUMN, "app", "chats", "c" + i)));
        AtomicInteger queries = new AtomicInteger();
        try (Connection connection = database.connect()) {
            VerificationResult result = this.verifier.verify(countingQueries(connection, queries), objects);

            assertThat(result.drift()).hasSize(200);
        }
        assertThat(queries).hasValue(EnsuredObject.Type.values().length);
    }

    /** A connection that counts the statements prepared on it. */
    private static Connection countingQueries(Connection connection, AtomicInteger queries) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    if (method.getName().startsWith("prepare") || method.getName().equals("createStatement")) {
                        queries.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    }
                    catch (InvocationTargetException ex) {
                        throw ex.getCause();
                    }
                });
    }

    private VerificationResult verify(TestDatabase database, List<EnsuredObject> objects) throws Exception {
        try (Connection connection = database.connect()) {
            return this.verifier.verify(connection, objects);
        }
    }
}
