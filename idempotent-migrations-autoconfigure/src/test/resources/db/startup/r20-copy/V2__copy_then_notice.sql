INSERT INTO items (name) VALUES ('before copy');
COPY items (name) FROM STDIN;
copied1
copied2
\.
INSERT INTO items (name) VALUES ('after copy');
ALTER TABLE items ADD COLUMN IF NOT EXISTS note text;
INSERT INTO items (name, note) VALUES ('last', 'n');
