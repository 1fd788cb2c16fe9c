CREATE INDEX CONCURRENTLY invoices_amount_idx ON invoices (amount);
