CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL, who text);
INSERT INTO items (name) VALUES ('first');
