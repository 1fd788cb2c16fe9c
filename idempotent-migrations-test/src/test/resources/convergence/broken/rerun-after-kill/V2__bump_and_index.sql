-- Deliberately broken for a killed run: with mixed statements the whole migration runs without a transaction, so
-- the UPDATE stays committed when the run dies before the index, and runs again on the restart.
UPDATE counter SET n = n + 1;
CREATE INDEX CONCURRENTLY counter_n_idx ON counter (n);
