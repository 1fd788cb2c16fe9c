SELECT pg_advisory_lock(4242);
DO $$ BEGIN RAISE NOTICE 'inside the locked section'; END $$;
INSERT INTO t VALUES (1);
SELECT pg_advisory_unlock(4242);
