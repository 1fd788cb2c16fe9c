-- Deliberately broken for the starter in one tenant: there the index is created inside a DO block, which can only
-- run as written, so the same index made by hand ahead of this migration makes it fail. The other tenant's
-- migration adds nothing.
DO $$
BEGIN
    IF '${tenant}' = 'tenant_b' THEN
        CREATE INDEX accounts_email_idx ON accounts (email);
    END IF;
END
$$;
