DO $$
BEGIN
    CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
END
$$;
