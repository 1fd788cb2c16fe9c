CREATE INDEX CONCURRENTLY counters_hits_idx ON counters (hits);
UPDATE counters SET hits = hits + 1;
CREATE UNIQUE INDEX CONCURRENTLY counters_code_key ON counters (code);
