-- The database as the seed stories found theirs. Everything the sample owns is dropped first, so every
-- run with sample.drift=true starts from this same state, whatever the previous run left.
DROP TABLE IF EXISTS flyway_schema_history, chat_tags, tags, messages, chats, users CASCADE;

-- Created by hand before migrations existed; V1 also declares created_at.
CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email VARCHAR(255) NOT NULL UNIQUE,
    display_name VARCHAR(100) NOT NULL
);

CREATE TABLE chats (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    owner_id BIGINT NOT NULL REFERENCES users (id),
    title VARCHAR(200) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The hot-fix that made V4 fail: column "last_message_at" of relation "chats" already exists.
ALTER TABLE chats ADD COLUMN last_message_at TIMESTAMPTZ;

-- Data that must survive the repair.
INSERT INTO users (email, display_name) VALUES ('ada@example.com', 'Ada'), ('linus@example.com', 'Linus');
INSERT INTO chats (owner_id, title, last_message_at) VALUES (1, 'Launch plans', now());
