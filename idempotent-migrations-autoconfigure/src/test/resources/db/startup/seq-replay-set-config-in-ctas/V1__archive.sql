CREATE SCHEMA archive;
CREATE TABLE archive.items (id serial PRIMARY KEY, name text NOT NULL);
INSERT INTO archive.items (name) VALUES ('first'), ('second');
CREATE TABLE notes (id int PRIMARY KEY);
