CREATE INDEX idx_orders_customer ON orders (customer_id);
CREATE UNIQUE INDEX uq_customers_lower_name ON customers (lower(name), id);
CREATE INDEX idx_orders_status_new ON orders (status) WHERE status = 'new';
