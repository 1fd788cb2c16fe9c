CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, email text);
INSERT INTO accounts VALUES (1, 'ann@example.com'), (2, 'bob@example.com') ON CONFLICT DO NOTHING;
CREATE INDEX IF NOT EXISTS accounts_email_idx ON accounts (email);
