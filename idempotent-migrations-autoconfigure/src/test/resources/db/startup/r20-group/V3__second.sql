INSERT INTO items (name) VALUES ('v3');
ALTER TABLE items ADD COLUMN IF NOT EXISTS note text;
ALTER TABLE accounts ADD COLUMN nickname text;
INSERT INTO items (name) VALUES ('v3 last');
