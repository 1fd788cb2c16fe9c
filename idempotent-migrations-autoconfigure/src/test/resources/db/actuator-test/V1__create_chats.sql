CREATE TABLE chats (
    id bigserial PRIMARY KEY,
    title text NOT NULL
);
CREATE INDEX chats_title_idx ON chats (title);
