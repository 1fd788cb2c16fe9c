CREATE INDEX idx_order_items_sku ON order_items (sku);
COMMENT ON INDEX idx_order_items_sku IS 'for product lookups';
ALTER TABLE orders ALTER COLUMN total SET DEFAULT 0;
