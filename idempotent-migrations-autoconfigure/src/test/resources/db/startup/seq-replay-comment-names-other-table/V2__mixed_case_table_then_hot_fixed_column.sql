-- kept apart from "items"
CREATE TABLE "Items" (id serial PRIMARY KEY, name text NOT NULL);
INSERT INTO "items" (name) VALUES ('third');
ALTER TABLE notes ADD COLUMN note text;
