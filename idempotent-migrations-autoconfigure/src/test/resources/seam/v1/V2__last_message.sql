ALTER TABLE chats ADD COLUMN last_message_at timestamptz;
CREATE INDEX idx_chats_last_message_at ON chats (last_message_at);
CREATE INDEX idx_message_content_search ON messages USING gin (to_tsvector('english', content));
INSERT INTO chats (title) VALUES ('welcome');
COPY messages (chat_id, content) FROM STDIN;
1	hello
1	world
\.
