INSERT INTO log (msg) VALUES ('v2');
ALTER TABLE accounts ADD COLUMN nickname text;
