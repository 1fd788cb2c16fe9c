CREATE EXTENSION IF NOT EXISTS dblink;
CREATE TABLE remote_log (msg text);
