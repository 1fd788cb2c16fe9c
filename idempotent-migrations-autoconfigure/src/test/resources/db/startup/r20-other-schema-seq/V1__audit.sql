CREATE SCHEMA audit;
CREATE TABLE audit.log (id serial PRIMARY KEY, msg text NOT NULL);
