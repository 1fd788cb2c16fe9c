CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE events (id integer NOT NULL, happened_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE click_events (target text NOT NULL) INHERITS (events);
GRANT SELECT (target) ON click_events TO PUBLIC;
INSERT INTO events (id) VALUES (1);
INSERT INTO click_events (id, target) VALUES (2, 'checkout');

CREATE FUNCTION longer(text, text) RETURNS text LANGUAGE sql IMMUTABLE
    AS $$SELECT CASE WHEN length($2) > length(coalesce($1, '')) THEN $2 ELSE $1 END$$;
CREATE AGGREGATE longest(text) (SFUNC = longer, STYPE = text);

ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO PUBLIC;
