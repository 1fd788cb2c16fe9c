INSERT INTO log (msg) VALUES ('before');
TRUNCATE a CASCADE;
DROP TABLE a CASCADE;
INSERT INTO log (msg) VALUES ('after');
CREATE TABLE a (id integer PRIMARY KEY, name text);
