CREATE TABLE accounts (id integer PRIMARY KEY, balance integer NOT NULL);
