CREATE INDEX orders_placed_at_idx ON orders (placed_at);
INSERT INTO order_status_history (order_id, status) SELECT id, status FROM orders;
INSERT INTO settings (key, value) VALUES ('currency', 'EUR');
