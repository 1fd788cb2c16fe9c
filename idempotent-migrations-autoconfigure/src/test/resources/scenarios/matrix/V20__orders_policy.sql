ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
CREATE POLICY orders_positive_customer ON orders USING (customer_id > 0);
