CREATE TABLE items (id integer PRIMARY KEY, name text);
CREATE TABLE other (id integer);
INSERT INTO items VALUES (1, 'a');
