CREATE SCHEMA IF NOT EXISTS public;
CREATE TABLE notes (id integer PRIMARY KEY, body text);
