-- Deliberately broken next migration, for the tests that show what the lint and the convergence check report.
DO $$
BEGIN
    CREATE TABLE chat_archive (id bigint, chat_id bigint);
END
$$;

ALTER TABLE chats RENAME COLUMN title TO subject;

ALTER TABLE users DROP COLUMN display_name;
