INSERT INTO named_items (name) VALUES ('three');
ALTER TABLE notes ADD COLUMN note text;
