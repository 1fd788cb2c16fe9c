CREATE TABLE chats (
    id bigserial PRIMARY KEY,
    title varchar(200) NOT NULL,
    owner varchar(100) NOT NULL DEFAULT '${owner}'
);
CREATE TABLE messages (
    id bigserial PRIMARY KEY,
    chat_id bigint NOT NULL REFERENCES chats(id),
    content text NOT NULL
);
