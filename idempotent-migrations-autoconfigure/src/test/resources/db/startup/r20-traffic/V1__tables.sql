CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE accounts (id integer PRIMARY KEY);
INSERT INTO customers (name) VALUES ('first');
