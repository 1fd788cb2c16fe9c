CREATE TABLE accounts (id integer PRIMARY KEY);
CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL);
