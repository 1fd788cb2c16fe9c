INSERT INTO audit.log (msg) VALUES ('v2');
DO $$ BEGIN RAISE NOTICE 'v2 logged'; END $$;
