CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL);
INSERT INTO items (id, name) VALUES (1, 'a'), (2, 'b'), (3, 'c');
ALTER SEQUENCE items_id_seq RESTART WITH 4;
