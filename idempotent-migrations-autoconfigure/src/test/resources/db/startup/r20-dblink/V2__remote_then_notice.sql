SELECT dblink_exec('host=localhost port=' || current_setting('port') || ' dbname=' || current_database() || ' user=${user} password=${password}', 'INSERT INTO remote_log VALUES (''sent once'')');
DO $$ BEGIN RAISE NOTICE 'remote write done'; END $$;
