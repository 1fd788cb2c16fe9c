ALTER TABLE accounts ADD COLUMN display_name text;

CREATE VIEW account_totals AS
    SELECT a.id, a.email, coalesce(sum(i.amount), 0) AS total
    FROM accounts a LEFT JOIN invoices i ON i.account_id = a.id GROUP BY a.id, a.email;
