CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY, kind text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a');
INSERT INTO events (kind) VALUES ('a'), ('a');
CREATE TABLE notes (id int PRIMARY KEY);
