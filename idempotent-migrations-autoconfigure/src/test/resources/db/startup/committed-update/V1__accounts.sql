CREATE TABLE accounts (id integer PRIMARY KEY, cents bigint NOT NULL, u integer);
INSERT INTO accounts VALUES (1, 5, 1), (2, 7, 1);
