-- 20250115_0002_add_last_message_at_to_chats
ALTER TABLE chats ADD COLUMN last_message_at timestamptz;
CREATE INDEX ix_chats_last_message_at ON chats (last_message_at);
