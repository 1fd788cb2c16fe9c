-- 20251001_1100_enhance_ai_assistant, as first written (before the existence checks were added by hand)
ALTER TABLE ai_chat_sessions ADD COLUMN starred boolean NOT NULL DEFAULT false;
ALTER TABLE ai_chat_sessions ADD COLUMN archived boolean NOT NULL DEFAULT false;
ALTER TABLE ai_chat_sessions ADD COLUMN last_message_at timestamp;
CREATE TABLE tags (
    id serial PRIMARY KEY,
    user_id integer NOT NULL,
    name varchar(50) NOT NULL,
    color varchar(7),
    created_at timestamp NOT NULL DEFAULT now(),
    CONSTRAINT uq_tags_user_name UNIQUE (user_id, name)
);
CREATE TABLE session_tags (
    session_id integer NOT NULL REFERENCES ai_chat_sessions (id) ON DELETE CASCADE,
    tag_id integer NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
    PRIMARY KEY (session_id, tag_id)
);
CREATE TABLE attachments (
    id serial PRIMARY KEY,
    message_id integer NOT NULL REFERENCES ai_chat_messages (id) ON DELETE CASCADE,
    filename varchar(255) NOT NULL,
    content_type varchar(100),
    size_bytes bigint,
    created_at timestamp NOT NULL DEFAULT now()
);
CREATE TABLE session_shares (
    id serial PRIMARY KEY,
    session_id integer NOT NULL REFERENCES ai_chat_sessions (id) ON DELETE CASCADE,
    share_token varchar(64) NOT NULL UNIQUE,
    created_at timestamp NOT NULL DEFAULT now()
);
CREATE TABLE session_collaborators (
    session_id integer NOT NULL REFERENCES ai_chat_sessions (id) ON DELETE CASCADE,
    user_id integer NOT NULL,
    permission varchar(20) NOT NULL DEFAULT 'read',
    PRIMARY KEY (session_id, user_id)
);
CREATE TABLE message_comments (
    id serial PRIMARY KEY,
    message_id integer NOT NULL REFERENCES ai_chat_messages (id) ON DELETE CASCADE,
    user_id integer NOT NULL,
    body text NOT NULL,
    created_at timestamp NOT NULL DEFAULT now()
);
CREATE INDEX idx_message_content_search ON ai_chat_messages USING gin (to_tsvector('english', content));
CREATE INDEX idx_session_title_search ON ai_chat_sessions USING gin (to_tsvector('english', title));
