ALTER TABLE accounts ADD COLUMN display_name text;

CREATE FUNCTION account_total(p_account bigint) RETURNS numeric
    LANGUAGE sql STABLE AS $$ SELECT coalesce(sum(amount), 0) FROM invoices WHERE account_id = p_account $$;

CREATE VIEW account_totals AS
    SELECT a.id, a.email, account_total(a.id) AS total FROM accounts a;

INSERT INTO accounts (email, display_name) VALUES ('ada@example.com', 'Ada'), ('linus@example.com', 'Linus');
INSERT INTO invoices (account_id, amount) VALUES (1, 10.50), (2, 3.25);
