CREATE INDEX CONCURRENTLY idx_customers_created ON customers (created_at);
