-- Deliberately broken for the starter: DDL hidden in a DO block can only run as written, so a table made by hand
-- ahead of this migration makes it fail instead of being compared and skipped.
DO $$
BEGIN
    CREATE TABLE audit (id bigint, note text);
END
$$;

INSERT INTO audit VALUES (1, 'first entry');
