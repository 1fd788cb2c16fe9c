CREATE TABLE log (id serial PRIMARY KEY, msg text);
CREATE TABLE accounts (id integer);
