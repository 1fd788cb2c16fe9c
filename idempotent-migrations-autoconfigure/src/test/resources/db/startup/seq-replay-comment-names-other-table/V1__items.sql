CREATE TABLE "items" (id serial PRIMARY KEY, name text NOT NULL);
INSERT INTO "items" (name) VALUES ('first'), ('second');
CREATE TABLE notes (id int PRIMARY KEY);
