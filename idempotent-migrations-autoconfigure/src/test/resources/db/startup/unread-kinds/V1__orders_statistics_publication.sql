CREATE TABLE orders (id integer PRIMARY KEY, status text NOT NULL, region text NOT NULL);
CREATE STATISTICS orders_status_region ON status, region FROM orders;
CREATE PUBLICATION orders_feed FOR TABLE orders;
