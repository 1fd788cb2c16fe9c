CREATE TABLE counters (id integer PRIMARY KEY, hits integer NOT NULL, code text);
INSERT INTO counters VALUES (1, 0, 'a'), (2, 0, 'a');
