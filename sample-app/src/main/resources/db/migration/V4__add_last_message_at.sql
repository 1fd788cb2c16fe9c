ALTER TABLE chats ADD COLUMN last_message_at TIMESTAMPTZ;

CREATE INDEX chats_last_message_at_idx ON chats (last_message_at DESC);
