CREATE TABLE audit.order_events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    order_id integer NOT NULL,
    kind varchar(20) NOT NULL,
    seq integer NOT NULL,
    PRIMARY KEY (id),
    UNIQUE (order_id, seq),
    FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE,
    CHECK (seq > 0)
);
