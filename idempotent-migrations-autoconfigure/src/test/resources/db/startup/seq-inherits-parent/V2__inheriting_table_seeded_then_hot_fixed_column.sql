INSERT INTO special_items (name) VALUES ('special');
ALTER TABLE notes ADD COLUMN note text;
