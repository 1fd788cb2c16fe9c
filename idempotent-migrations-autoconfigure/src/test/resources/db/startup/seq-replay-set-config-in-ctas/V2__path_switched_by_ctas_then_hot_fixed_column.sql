CREATE TABLE items (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE path_switch AS SELECT set_config('search_path', 'archive, public', false) AS path;
INSERT INTO items (name) VALUES ('third');
ALTER TABLE notes ADD COLUMN note text;
