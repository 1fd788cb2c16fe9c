CREATE TABLE events_b PARTITION OF events FOR VALUES IN ('b');
INSERT INTO events_b (kind) VALUES ('b');
ALTER TABLE notes ADD COLUMN note text;
