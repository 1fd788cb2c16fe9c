INSERT INTO events_a_eu (kind, region) VALUES ('a', 'eu');
ALTER TABLE notes ADD COLUMN note text;
