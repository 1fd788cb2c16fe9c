BEGIN;
INSERT INTO items (name) VALUES ('in tx');
COMMIT;
INSERT INTO items (name) VALUES ('after commit');
ALTER TABLE items ADD COLUMN IF NOT EXISTS note text;
INSERT INTO items (name, note) VALUES ('last', 'n');
