CREATE TABLE items (id serial, name text NOT NULL);
CREATE TABLE special_items (extra text) INHERITS (items);
INSERT INTO items (name) VALUES ('one'), ('two');
CREATE TABLE notes (id int PRIMARY KEY);
