CREATE TYPE order_status AS ENUM ('new', 'paid');

CREATE TABLE orders (
    id bigint PRIMARY KEY,
    customer text NOT NULL,
    status order_status NOT NULL DEFAULT 'new',
    -- a CHECK on varchar reads back differently once re-created from its own definition
    note varchar(20) CONSTRAINT orders_note_check CHECK (note IN ('gift', 'rush'))
);

CREATE INDEX orders_customer_idx ON orders (customer);

INSERT INTO orders VALUES (1, 'ann', 'paid', 'gift'), (2, 'bob', 'new', NULL);
