CREATE TABLE events (id bigserial, kind text NOT NULL, region text NOT NULL) PARTITION BY LIST (kind);
CREATE TABLE events_a PARTITION OF events FOR VALUES IN ('a') PARTITION BY LIST (region);
CREATE TABLE events_a_eu PARTITION OF events_a FOR VALUES IN ('eu');
INSERT INTO events (kind, region) VALUES ('a', 'eu'), ('a', 'eu');
CREATE TABLE notes (id int PRIMARY KEY);
