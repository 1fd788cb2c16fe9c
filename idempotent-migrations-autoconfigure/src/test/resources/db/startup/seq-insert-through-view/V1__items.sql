CREATE TABLE items (id serial, name text NOT NULL);
CREATE VIEW named_items AS SELECT id, name FROM items;
INSERT INTO items (name) VALUES ('one'), ('two');
CREATE TABLE notes (id int PRIMARY KEY);
