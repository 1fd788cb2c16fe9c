-- Built without a write lock on users, as an index on a live table should be.
CREATE INDEX CONCURRENTLY users_display_name_idx ON users (display_name);
