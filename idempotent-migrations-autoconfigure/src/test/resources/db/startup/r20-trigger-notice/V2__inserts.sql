INSERT INTO items (name) VALUES ('a');
UPDATE items SET name = name || '!' WHERE name = 'seed';
INSERT INTO items (name) VALUES ('b');
