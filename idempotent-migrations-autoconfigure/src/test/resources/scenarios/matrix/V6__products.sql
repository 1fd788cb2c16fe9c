CREATE TABLE products (
    sku text NOT NULL,
    name text NOT NULL,
    price numeric(10,2)
);
