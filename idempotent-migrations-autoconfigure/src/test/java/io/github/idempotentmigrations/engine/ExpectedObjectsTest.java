package io.github.idempotentmigrations.engine;

import java.util.List;

import io.github.idempotentmigrations.engine.report.EnsuredObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExpectedObjectsTest {

    @Test
    void followsRenamesAndDropsThroughTheMigrations() {
        List<String> described = ExpectedObjects.of(List.of(
                "CREATE TABLE posts (id bigserial PRIMARY KEY, title text, legacy int)",
                "CREATE INDEX posts_title_idx ON posts (title)",
                "ALTER TABLE posts ADD COLUMN body text, ADD CONSTRAINT posts_title_check CHECK (title <> '')",
                "ALTER TABLE posts RENAME COLUMN title TO headline",
                "ALTER TABLE posts DROP COLUMN legacy",
                "ALTER TABLE posts RENAME TO articles",
                "CREATE TYPE mood AS ENUM ('happy', 'sad')",
                "ALTER TYPE mood ADD VALUE 'calm'",
                "CREATE TABLE scratch (id int)",
                "DROP TABLE scratch",
                "CREATE TEMP TABLE session_only (id int)",
                "DO $$ BEGIN PERFORM 1; END $$"), "app")
            .stream()
            .map(EnsuredObject::describe)
            .toList();

        assertThat(described).containsExactlyInAnyOrder("table app.articles", "column app.articles.id",
                "column app.articles.headline", "column app.articles.body", "constraint app.articles.posts_title_check",
                "index app.posts_title_idx", "type app.mood", "enum value app.mood.happy", "enum value app.mood.sad",
                "enum value app.mood.calm");
    }
}
