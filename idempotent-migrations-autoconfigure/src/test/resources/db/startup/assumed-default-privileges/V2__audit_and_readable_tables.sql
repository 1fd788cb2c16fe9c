CREATE TABLE audit (id integer PRIMARY KEY, what text NOT NULL);
-- every later table readable by all: nothing in this schema shows it but pg_default_acl
ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO PUBLIC;
