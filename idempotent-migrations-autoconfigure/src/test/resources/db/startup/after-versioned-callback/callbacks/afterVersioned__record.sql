CREATE TABLE IF NOT EXISTS callback_runs (id serial PRIMARY KEY, event text NOT NULL);
INSERT INTO callback_runs (event) VALUES ('afterVersioned');
