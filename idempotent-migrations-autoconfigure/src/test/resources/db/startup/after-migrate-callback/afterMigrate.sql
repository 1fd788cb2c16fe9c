INSERT INTO callback_runs (event) VALUES ('afterMigrate');
