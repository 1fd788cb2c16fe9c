CREATE TABLE bots (
    id serial PRIMARY KEY,
    name varchar(100) NOT NULL UNIQUE
);
CREATE TABLE chats (
    id serial PRIMARY KEY,
    bot_id integer NOT NULL REFERENCES bots (id),
    telegram_chat_id bigint NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE messages (
    id serial PRIMARY KEY,
    chat_id integer NOT NULL REFERENCES chats (id),
    text text NOT NULL,
    sent_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE schedules (
    id serial PRIMARY KEY,
    chat_id integer NOT NULL REFERENCES chats (id),
    cron varchar(100) NOT NULL
);
