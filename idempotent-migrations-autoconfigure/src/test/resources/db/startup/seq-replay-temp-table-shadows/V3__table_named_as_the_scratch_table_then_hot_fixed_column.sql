CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL);
INSERT INTO items (name) VALUES ('c');
INSERT INTO archive SELECT id, name FROM pg_temp.items;
ALTER TABLE notes ADD COLUMN note text;
