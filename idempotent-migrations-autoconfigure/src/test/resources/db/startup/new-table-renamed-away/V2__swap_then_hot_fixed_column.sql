CREATE TABLE staging (id serial PRIMARY KEY, name text NOT NULL);
ALTER TABLE staging RENAME TO staging_unused;
ALTER TABLE items RENAME TO staging;
INSERT INTO staging (name) VALUES ('third');
ALTER TABLE notes ADD COLUMN note text;
