SET LOCAL app.who = 'v2';
SELECT set_config('app.tag', 'tagged', true);
CREATE TEMP TABLE staging AS SELECT name FROM items;
INSERT INTO staging VALUES ('staged');
DO $$ BEGIN PERFORM setval('items_id_seq', 100); END $$;
INSERT INTO items (name, who) SELECT name || '-' || current_setting('app.tag'), current_setting('app.who') FROM staging;
ALTER TABLE items ADD COLUMN IF NOT EXISTS note text;
INSERT INTO items (name, who) VALUES ('last', current_setting('app.who'));
