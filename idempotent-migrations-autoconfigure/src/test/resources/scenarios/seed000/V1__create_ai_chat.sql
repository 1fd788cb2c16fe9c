CREATE TABLE ai_chat_sessions (
    id serial PRIMARY KEY,
    user_id integer NOT NULL,
    title varchar(255) NOT NULL,
    created_at timestamp NOT NULL DEFAULT now()
);
CREATE TABLE ai_chat_messages (
    id serial PRIMARY KEY,
    session_id integer NOT NULL REFERENCES ai_chat_sessions (id) ON DELETE CASCADE,
    role varchar(20) NOT NULL,
    content text NOT NULL,
    created_at timestamp NOT NULL DEFAULT now()
);
