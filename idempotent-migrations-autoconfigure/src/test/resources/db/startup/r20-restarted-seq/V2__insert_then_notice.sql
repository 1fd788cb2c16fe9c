INSERT INTO items (name) VALUES ('d');
ALTER TABLE items ADD COLUMN IF NOT EXISTS note text;
