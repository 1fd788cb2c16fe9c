CREATE TABLE audit_log (id bigint PRIMARY KEY, entry text);
