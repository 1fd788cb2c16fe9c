ALTER TABLE users ADD COLUMN age integer;
CREATE INDEX idx_users_age ON users (age);
