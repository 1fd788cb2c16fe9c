CREATE TABLE invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    amount numeric(12, 2) NOT NULL CHECK (amount >= 0)
);

CREATE INDEX invoices_account_id_idx ON invoices (account_id);
INSERT INTO invoices (account_id, amount) SELECT id, 10.50 FROM accounts;
