CREATE TABLE order_items (
    order_id integer NOT NULL REFERENCES orders (id),
    sku text NOT NULL,
    quantity integer NOT NULL DEFAULT 1,
    PRIMARY KEY (order_id, sku)
);
ALTER TABLE order_items ADD CONSTRAINT order_items_sku_fk FOREIGN KEY (sku) REFERENCES products (sku);
