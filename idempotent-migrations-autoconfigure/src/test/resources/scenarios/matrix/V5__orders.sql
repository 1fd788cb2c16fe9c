CREATE TABLE orders (
    id integer GENERATED ALWAYS AS IDENTITY,
    customer_id bigint NOT NULL,
    status order_status NOT NULL DEFAULT 'new',
    total numeric(12,2) NOT NULL,
    CONSTRAINT orders_pkey PRIMARY KEY (id),
    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE,
    CONSTRAINT orders_total_positive CHECK (total >= 0)
);
