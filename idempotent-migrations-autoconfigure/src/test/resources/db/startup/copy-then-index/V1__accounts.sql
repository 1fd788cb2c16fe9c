CREATE TABLE accounts (id integer PRIMARY KEY, u integer);
CREATE TABLE seed (code text NOT NULL, label text NOT NULL);
INSERT INTO accounts VALUES (1, 1), (2, 1);
