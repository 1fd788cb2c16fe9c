CREATE TYPE account_status AS ENUM ('active', 'closed');

CREATE TABLE accounts (
    id bigserial PRIMARY KEY,
    email varchar(200) NOT NULL UNIQUE,
    status account_status NOT NULL DEFAULT 'active',
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invoices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    amount numeric(12, 2) NOT NULL CHECK (amount >= 0)
);

CREATE INDEX invoices_account_id_idx ON invoices (account_id);
