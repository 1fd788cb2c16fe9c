ALTER TABLE chats ADD COLUMN last_message_at timestamptz;
