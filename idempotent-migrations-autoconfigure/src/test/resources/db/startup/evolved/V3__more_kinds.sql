CREATE SCHEMA audit;
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0);
CREATE TYPE pair AS (a integer, b text);
CREATE TABLE audit.events (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    mood mood,
    weight positive_int,
    doubled integer GENERATED ALWAYS AS (weight * 2) STORED
);
COMMENT ON COLUMN audit.events.mood IS 'How it felt';
CREATE FUNCTION audit.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER events_touch BEFORE UPDATE ON audit.events FOR EACH ROW EXECUTE FUNCTION audit.touch();
ALTER TABLE audit.events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_visible ON audit.events FOR SELECT USING (mood IS DISTINCT FROM 'sad');
CREATE MATERIALIZED VIEW audit.event_counts AS SELECT mood, count(*) AS n FROM audit.events GROUP BY mood;
CREATE UNLOGGED TABLE cache_entries (k text PRIMARY KEY, v text);
CREATE TABLE measurements (id bigint, taken date NOT NULL) PARTITION BY RANGE (taken);
CREATE TABLE measurements_2026 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX measurements_taken_idx ON measurements (taken);
INSERT INTO audit.events (mood, weight) VALUES ('ok', 3);
