CREATE TEMP TABLE items (id serial PRIMARY KEY, name text NOT NULL);
DISCARD TEMP;
INSERT INTO items (name) VALUES ('third');
ALTER TABLE notes ADD COLUMN note text;
