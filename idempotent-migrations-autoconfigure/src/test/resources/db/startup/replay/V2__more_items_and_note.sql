INSERT INTO items (name) VALUES ('a'), ('b');
UPDATE items SET name = upper(name) WHERE name = 'first';
ALTER TABLE items ADD COLUMN note text;
INSERT INTO items (name, note) VALUES ('c', 'late');
