INSERT INTO log (msg) VALUES ('first');
DO $$ BEGIN RAISE NOTICE 'logged'; END $$;
