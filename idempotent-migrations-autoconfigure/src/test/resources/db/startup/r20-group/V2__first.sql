INSERT INTO items (name) VALUES ('v2');
