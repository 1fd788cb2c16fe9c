CREATE TABLE log (id serial PRIMARY KEY, msg text);
